using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources;

/// <summary>
/// One thing a resource sets on the host and the value it sets it to, so that two resources that set
/// the same thing to different values are found before a run: otherwise each apply would change it
/// back and forth for ever. <paramref name="Target"/> is compared ignoring case, as Windows names are.
/// </summary>
public sealed record SettingClaim(string Target, string Shown, JToken Value)
{
    /// <summary>The value of a claim that something is absent (a registry value, a JSON key).</summary>
    public static JToken Absent => new JValue("(absent)");

    public static SettingClaim Of(string target, string shown, object? value) =>
        new(target, shown, value is JToken token ? token : new JValue(value));
}

/// <summary>A resource whose settings can be claimed: what it sets, for the check that no two resources fight.</summary>
public interface IClaimsSettings
{
    IEnumerable<SettingClaim> Claims { get; }
}
