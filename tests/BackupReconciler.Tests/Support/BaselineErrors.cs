using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Resources;

namespace BackupReconciler.Tests.Support;

/// <summary>Loads a one-resource baseline and returns the validation message, folder prefix removed.</summary>
public static class BaselineErrors
{
    public static string For(string type, string properties)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", $$"""{ "name": "t", "resources": [ { "id": "r", "type": "{{type}}", "properties": {{properties}} } ] }""");
        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));
        return e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }
}
