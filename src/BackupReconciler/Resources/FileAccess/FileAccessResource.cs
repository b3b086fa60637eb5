using BackupReconciler.Host;
using BackupReconciler.Host.AccessRules;

namespace BackupReconciler.Resources.FileAccess;

/// <summary>
/// An identity has at least the declared rights on a file or folder (seed 000: Full Control for the
/// DPM account on TriggerJob.exe's folders; seed 002: Read for NT Service\AzureWLBackupPluginSvc on
/// the GAC; seed 004: SYSTEM's Full Control on System Volume Information). Compliant when one allow
/// rule for the identity grants at least those rights (and, with <see cref="Inherit"/> on a folder,
/// is inherited by its contents). The fix adds an allow rule; no rule is ever removed or narrowed.
/// </summary>
/// <remarks>
/// Rules are matched by identity, not through group membership (rights a service has as a member of
/// Users do not count): the explicit rule the seeds ask for is then added, which is harmless. A deny
/// rule for the identity overrides any allow rule, and removing it is a person's decision, so it is a
/// manual difference and nothing is changed.
/// </remarks>
public sealed record FileAccessResource(string Path, string Identity, FileRights Rights, bool Inherit) : Resource<FileAccessActual>
{
    public override string TypeName => FileAccessResourceType.TypeName;

    public override FileAccessActual Read(IHost host)
    {
        var list = host.AccessRules.Read(Path)
            ?? throw new HostOperationException($"{Path} does not exist on {host.ComputerName}; check \"path\" (this tool sets access on existing files and folders only).");
        var rules = list.Rules.Where(r => AccessIdentity.AreSame(r.Identity, Identity, host.ComputerName)).ToList();
        return new FileAccessActual(Path, AccountName.Normalize(Identity, host.ComputerName), list.IsFolder, rules);
    }

    public override IReadOnlyList<Difference> Compare(FileAccessActual actual, IHost host)
    {
        var inherit = Inherit && actual.IsFolder;
        var desired = Describe(new FileAccessRule(actual.Identity, Rights, AccessRuleType.Allow, inherit), actual.IsFolder);
        var current = actual.Rules.Count == 0 ? null : string.Join("; ", actual.Rules.Select(r => Describe(r, actual.IsFolder)));
        if (actual.Rules.Any(r => r.Type == AccessRuleType.Deny))
        {
            return [Difference.Manual(actual.Identity, DifferenceValue.TextOrAbsent(current), DifferenceValue.Text(desired),
                $"a deny rule for {actual.Identity} on {Path} overrides every allow rule, and this tool never removes access rules: remove the deny rule by hand if nobody meant it, then run again")];
        }

        var granted = actual.Rules.Any(r => r.Type == AccessRuleType.Allow && r.Rights >= Rights && (!inherit || r.Inherit));
        return granted ? [] : [Difference.Of(actual.Identity, DifferenceValue.TextOrAbsent(current), DifferenceValue.Text(desired))];
    }

    public override UndoStep UndoOf(FileAccessActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.Cannot("access rules are only ever added, never removed by this tool; remove the rule in the folder's Security tab by hand");

    public override void Apply(IHost host, FileAccessActual actual, IReadOnlyList<Difference> changes) =>
        host.AccessRules.Add(Path, new FileAccessRule(actual.Identity, Rights, AccessRuleType.Allow, Inherit && actual.IsFolder));

    /// <summary>"allow modify, inherited by subfolders and files"; a file's rules have nothing to inherit them.</summary>
    private static string Describe(FileAccessRule rule, bool isFolder)
    {
        var text = $"{FileAccessNames.Types.NameOf(rule.Type)} {FileAccessNames.Rights.NameOf(rule.Rights)}";
        return !isFolder ? text : rule.Inherit ? text + ", inherited by subfolders and files" : text + ", this folder only";
    }
}
