using System.Buffers;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.TempFiles;

/// <summary>Reads <c>tempFiles</c> resources: <c>directory</c>, <c>pattern</c>, <c>maxCount</c> and <c>minAge</c>.</summary>
public sealed class TempFilesResourceType : IResourceType
{
    public const string TypeName = "tempFiles";

    /// <summary>A day keeps whatever a running backup or installer is still using, and is far younger than the pile-up seed 003 describes.</summary>
    private const string DefaultMinAge = "1d";

    private static readonly SearchValues<char> NotInPatterns = SearchValues.Create("\\/:<>\"|");

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var directory = DrivePath.Required(properties, "directory", @"C:\Windows\Temp");
        var pattern = properties.OptionalString("pattern") ?? "*.tmp";
        if (pattern.AsSpan().IndexOfAny(NotInPatterns) >= 0)
        {
            throw properties.Error(properties.Json["pattern"], $"\"pattern\" of {properties.Subject} is \"{pattern}\"; give a file name pattern with * and ? only, such as *.tmp (the folder goes in \"directory\").");
        }

        var maxCount = (int)properties.AsInteger(properties.Required("maxCount", "a whole number such as 60000"), "maxCount", 0, int.MaxValue);
        var minAgeToken = properties.Optional("minAge");
        var minAgeText = minAgeToken is null ? DefaultMinAge : properties.AsString(minAgeToken, "minAge");
        if (!Duration.TryParse(minAgeText, out var minAge))
        {
            throw properties.Error(minAgeToken, $"\"minAge\" of {properties.Subject} is \"{minAgeText}\"; write a duration such as \"1d\", \"12h\", \"1d12h\", \"30m\" or \"90s\".");
        }

        properties.RejectUnknownMembers();
        return new TempFilesResource(directory, pattern, maxCount, minAge);
    }
}
