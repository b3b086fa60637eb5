using BackupReconciler.Host.Files;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.AccessRules;

/// <summary>
/// The snapshot's <c>fileAccess</c> section: Windows paths mapped to their access rules as Get-Acl
/// shows them (inherited ones included; the snapshot does not propagate rules from parent folders).
/// A path may be listed without existing under <c>fileSystemRoot</c>, because some folders, such as
/// <c>C:\System Volume Information</c>, cannot be captured; such a path is taken to be a folder, which
/// is what those are. A path in the file tree but not in the section exists with no rules.
/// </summary>
/// <remarks>Its fault targets are the file tree's (<c>file:&lt;path&gt;</c>): both answer for one path.</remarks>
public sealed class SnapshotAccessRules(SnapshotFileSystem files, FaultInjector faults, string computerName) : SnapshotSection("fileAccess", faults, SnapshotFileSystem.Faults), IAccessRules
{
    private readonly List<(string Path, List<FileAccessRule> Rules)> _paths = [];

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        foreach (var property in reader.Json.Members)
        {
            if (Find(property.Name) is not null)
            {
                throw reader.Error(property, $"the path \"{property.Name}\" appears twice in the \"fileAccess\" section (paths ignore case on Windows); keep one.");
            }

            if (property.Value is not JsonArrayItem array)
            {
                throw reader.Error(property.Value, $"the rules of \"{property.Name}\" in the \"fileAccess\" section must be an array of {{ \"identity\", \"rights\", \"type\", \"inherit\" }}; found {JsonObjectReader.Describe(property.Value)}.");
            }

            _paths.Add((property.Name, array.Select(item => ReadRule(item, file, property.Name)).ToList()));
            reader.Optional(property.Name);
        }
    }

    protected override JToken Write(bool sorted) => new JObject(InOrder(_paths, p => p.Path, sorted).Select(p => new JProperty(p.Path, new JArray(p.Rules.Select(ToJson)))));

    /// <summary>Records the rules a capture read of a path, in place of any recorded before for it.</summary>
    internal void RecordRules(string windowsPath, FileAccessList list)
    {
        var key = Key(windowsPath);
        var index = _paths.FindIndex(p => Key(p.Path).Equals(key, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            _paths.Add((windowsPath, [.. list.Rules]));
        }
        else
        {
            _paths[index] = (_paths[index].Path, [.. list.Rules]);
        }

        MarkRecorded();
    }

    public FileAccessList? Read(string windowsPath)
    {
        CheckRead(windowsPath);
        if (Find(windowsPath) is { } listed)
        {
            var isFolder = !files.CanSeeFiles || (files.IsFolder(windowsPath) ?? true);
            return new FileAccessList(isFolder, [.. listed.Rules]);
        }

        if (!files.CanSeeFiles)
        {
            throw new HostOperationException($"{windowsPath} is not in the snapshot's \"fileAccess\" section, and the snapshot has no \"fileSystemRoot\" in which to look for it.");
        }

        return files.IsFolder(windowsPath) is { } folder ? new FileAccessList(folder, []) : null;
    }

    public void Add(string windowsPath, FileAccessRule rule)
    {
        CheckSet(windowsPath);
        var listed = Find(windowsPath);
        if (listed is null)
        {
            if (!files.CanSeeFiles || files.IsFolder(windowsPath) is null)
            {
                throw new HostOperationException($"{windowsPath}: The system cannot find the file specified.");
            }

            listed = (windowsPath, []);
            _paths.Add(listed.Value);
        }

        var rules = listed.Value.Rules;
        var same = rules.FindIndex(r => r.Type == rule.Type && r.Inherit == rule.Inherit && AccessIdentity.AreSame(r.Identity, rule.Identity, computerName));
        if (same < 0)
        {
            rules.Add(rule);
            MarkChanged();
        }
        else if (rules[same].Rights < rule.Rights)
        {
            rules[same] = rules[same] with { Rights = rule.Rights };
            MarkChanged();
        }
    }

    private (string Path, List<FileAccessRule> Rules)? Find(string windowsPath)
    {
        var key = Key(windowsPath);
        foreach (var entry in _paths)
        {
            if (Key(entry.Path).Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }

    private static string Key(string windowsPath) => windowsPath.Replace('/', '\\').TrimEnd('\\');

    private static FileAccessRule ReadRule(JsonItem item, string file, string path)
    {
        var reader = JsonObjectReader.ForObject(item, file, $"a rule of \"{path}\" in the \"fileAccess\" section");
        var rule = new FileAccessRule(
            reader.RequiredString("identity"),
            reader.RequiredEnum("rights", FileAccessNames.Rights),
            reader.OptionalEnum("type", FileAccessNames.Types) ?? AccessRuleType.Allow,
            reader.OptionalBool("inherit") ?? false);
        reader.RejectUnknownMembers();
        return rule;
    }

    private static JObject ToJson(FileAccessRule rule) => new()
    {
        ["identity"] = rule.Identity,
        ["rights"] = FileAccessNames.Rights.NameOf(rule.Rights),
        ["type"] = FileAccessNames.Types.NameOf(rule.Type),
        ["inherit"] = rule.Inherit,
    };
}
