using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.WindowsFeature;

/// <summary>What <c>get</c> shows for a Windows feature.</summary>
public sealed record WindowsFeatureActual(string Name, bool Installed) : IActualState
{
    public JToken ToJson() => new JObject { ["name"] = Name, ["installed"] = Installed };
}
