using BackupReconciler.Host;

namespace BackupReconciler.Resources.UserRight;

/// <summary>
/// A user right that at least the given accounts hold (seed 002: NT SERVICE\AzureWLBackupPluginSvc needs
/// Bypass traverse checking). Missing holders are granted; other holders are never revoked, since other
/// software and policy put them there.
/// </summary>
public sealed record UserRightResource(string Right, IReadOnlyList<string> Identities) : Resource<UserRightActual>
{
    public override string TypeName => UserRightResourceType.TypeName;

    public override UserRightActual Read(IHost host) => new(Right, host.UserRights.HoldersOf(Right));

    /// <summary>One difference per missing account, so a plan names each grant and apply makes exactly those.</summary>
    public override IReadOnlyList<Difference> Compare(UserRightActual actual, IHost host) =>
        Identities
            .Where(identity => !actual.Holders.Any(holder => PrincipalName.AreSame(holder, identity, host.ComputerName)))
            .DistinctBy(identity => PrincipalName.Normalize(identity, host.ComputerName), StringComparer.OrdinalIgnoreCase)
            .Select(identity => Difference.Of("identities", null, DifferenceValue.Text(AccountName.Normalize(identity, host.ComputerName))))
            .ToList();

    public override UndoStep UndoOf(UserRightActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.Cannot("user rights are only ever granted, never revoked by this tool; revoke them in Local Security Policy by hand");

    public override void Apply(IHost host, UserRightActual actual, IReadOnlyList<Difference> changes)
    {
        foreach (var change in changes)
        {
            host.UserRights.Grant(Right, ((TextValue)change.Desired!).Value);
        }
    }
}
