using BackupReconciler.Host.Registry;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.SqlAgentAccount;

/// <summary>What <c>get</c> shows: the Agent service's account (normalised) and DPM's recorded values (null when missing).</summary>
public sealed record SqlAgentAccountActual(
    string AgentService,
    string AgentAccount,
    string SetupKey,
    IReadOnlyDictionary<string, RegistryValue?> Values) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["agentService"] = AgentService,
        ["agentAccount"] = AgentAccount,
        ["setupKey"] = SetupKey,
        ["values"] = new JObject(Values.Select(v => new JProperty(v.Key, v.Value?.ToJson()))),
    };
}
