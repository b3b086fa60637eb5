using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Antivirus;

/// <summary>What <c>get</c> shows: per declared list, the matching exclusions the host has; nothing about the others.</summary>
public sealed record AntivirusExclusionActual(IReadOnlyList<ExclusionListState> Lists) : IActualState
{
    public JToken ToJson() =>
        new JObject(Lists.Select(l => new JProperty(l.Kind.Property, new JArray(l.Present.Cast<object>().ToArray()))));
}
