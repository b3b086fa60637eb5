using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Resources;

namespace BackupReconciler.Tests.Support;

/// <summary>Validation errors of one resource's properties, as the loader reports them.</summary>
public static class BaselineErrors
{
    private static readonly Dictionary<string, string> Facts = new(StringComparer.OrdinalIgnoreCase) { ["SystemRoot"] = @"C:\Windows", ["ComputerName"] = "HOST01" };

    /// <summary>The error for a whole baseline written as b.json, with the file name alone.</summary>
    public static string OfBaseline(string baseline, VariableInputs? variables = null)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", baseline);
        var e = Assert.Throws<InputException>(() => Load(path, variables));
        return e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }

    /// <summary>Loads a baseline written as b.json that must be valid.</summary>
    public static Baseline Valid(string baseline)
    {
        using var folder = new TempFolder();
        return Load(folder.Write("b.json", baseline), null);
    }

    private static Baseline Load(string path, VariableInputs? variables) =>
        new BaselineLoader(ResourceCatalog.Default).Load(path, variables ?? VariableInputs.None, Facts);

    /// <summary>
    /// The error for resource "a" of <paramref name="type"/>, with the file name alone. The properties
    /// start line 2, so a column is the position in <paramref name="properties"/> itself.
    /// </summary>
    public static string Of(string type, string properties)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", $$"""
            { "name": "t", "resources": [ { "id": "a", "type": "{{type}}", "properties":
            {{properties}} } ] }
            """);
        var e = Assert.Throws<InputException>(() => Load(path, null));
        return e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }
}
