using BackupReconciler.Host.Services;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Service;

/// <summary>What <c>get</c> shows for a service.</summary>
public sealed record ServiceActual(ServiceInfo Service) : IActualState
{
    /// <summary>The host's name, for account comparisons made after the read (<c>.\name</c>).</summary>
    public string ComputerName { get; init; } = "";

    public JToken ToJson() => new JObject
    {
        ["name"] = Service.Name,
        ["startType"] = ServiceNames.StartTypes.NameOf(Service.StartType),
        ["state"] = ServiceNames.States.NameOf(Service.State),
        ["account"] = Service.Account,
        ["dependsOn"] = new JArray(Service.DependsOn.Cast<object>().ToArray()),
    };
}
