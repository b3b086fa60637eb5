using Newtonsoft.Json.Linq;
using BackupReconciler.Host;

namespace BackupReconciler.Resources.WindowsFeature;

/// <summary>A Windows feature installed or not (seed 004: System State backup needs Windows-Server-Backup).</summary>
public sealed record WindowsFeatureResource(string Name, bool Installed) : Resource<WindowsFeatureActual>, IClaimsSettings
{
    public IEnumerable<SettingClaim> Claims => [SettingClaim.Of($"feature|{Name}", $"whether the feature \"{Name}\" is installed", Installed)];

    public override string TypeName => WindowsFeatureResourceType.TypeName;

    public override WindowsFeatureActual Read(IHost host) =>
        new(Name, host.Features.IsInstalled(Name) ?? throw new HostOperationException(
            $"\"{Name}\" is not a feature of this Windows edition on {host.ComputerName}; list the features with Get-WindowsFeature and correct \"name\"."));

    public override IReadOnlyList<Difference> Compare(WindowsFeatureActual actual, IHost host) =>
        actual.Installed == Installed ? [] : [Difference.Of("installed", DifferenceValue.Flag(actual.Installed), DifferenceValue.Flag(Installed))];

    public override UndoStep UndoOf(WindowsFeatureActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.With(WindowsFeatureResourceType.TypeName, new JObject { ["name"] = Name, ["installed"] = actual.Installed });

    public override void Apply(IHost host, WindowsFeatureActual actual, IReadOnlyList<Difference> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        if (Installed)
        {
            host.Features.Install(Name);
        }
        else
        {
            host.Features.Uninstall(Name);
        }
    }
}
