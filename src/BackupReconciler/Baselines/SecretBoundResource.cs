using BackupReconciler.Host;
using BackupReconciler.Input;
using BackupReconciler.Resources;

namespace BackupReconciler.Baselines;

/// <summary>
/// A resource whose properties were set from a secret variable. When the secret is rotated, the host
/// still holds the old one: that old value is the actual value of a secret property, so it is made a
/// secret too, as soon as it is read and before any report, log line or journal line can show it.
/// </summary>
public sealed class SecretBoundResource(IResource inner, SecretRedactor secrets) : IResource, IStartsService, IClaimsSettings
{
    public IResource Inner => inner;

    /// <summary>What the wrapped resource sets, so that the check that no two resources fight still sees it.</summary>
    public IEnumerable<SettingClaim> Claims => (inner as IClaimsSettings)?.Claims ?? [];

    public string TypeName => inner.TypeName;

    public IReadOnlyList<string> RestartsWhenChanged => inner.RestartsWhenChanged;

    public IReadOnlyList<string> FollowUpsWhenChanged => inner.FollowUpsWhenChanged;

    public string? StartsService => (inner as IStartsService)?.StartsService;

    public Observation Observe(IHost host)
    {
        // Every resource shows an account as Windows names it ("nt authority\networkservice" as
        // NT AUTHORITY\NETWORK SERVICE, ".\svc" as DPM01\svc): that spelling of a secret is the secret.
        secrets.Add(secrets.Known.Select(secret => AccountName.Normalize(secret, host.ComputerName)));
        var observation = inner.Observe(host);
        foreach (var difference in observation.Differences)
        {
            if (difference.Desired is { } desired && secrets.Reveals(desired.ToJson().ToString(Newtonsoft.Json.Formatting.None)) && difference.Actual is { } actual)
            {
                // Only what differs, and only data: a registry value's kind ("string") is no secret, its old data is.
                secrets.Add(actual.SecretParts.Except(desired.SecretParts));
            }
        }

        return observation;
    }

    public void Apply(IHost host, Observation observation, IReadOnlyList<Difference> changes) => inner.Apply(host, observation, changes);

    public UndoStep UndoOf(Observation observation, IReadOnlyList<Difference> changes) => inner.UndoOf(observation, changes);
}
