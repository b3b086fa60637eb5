using BackupReconciler.Host.AccessRules;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.FileAccess;

/// <summary>What <c>get</c> shows for file access: whether the path is a folder, and the rules that name the identity.</summary>
public sealed record FileAccessActual(string Path, string Identity, bool IsFolder, IReadOnlyList<FileAccessRule> Rules) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["path"] = Path,
        ["identity"] = Identity,
        ["isFolder"] = IsFolder,
        ["rules"] = new JArray(Rules.Select(r => new JObject
        {
            ["identity"] = r.Identity,
            ["rights"] = FileAccessNames.Rights.NameOf(r.Rights),
            ["type"] = FileAccessNames.Types.NameOf(r.Type),
            ["inherit"] = r.Inherit,
        })),
    };
}
