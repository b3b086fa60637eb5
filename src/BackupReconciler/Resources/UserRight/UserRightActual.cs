using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.UserRight;

/// <summary>What <c>get</c> shows for a user right: every account that holds it.</summary>
public sealed record UserRightActual(string Right, IReadOnlyList<string> Holders) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["right"] = Right,
        ["holders"] = new JArray(Holders.Cast<object>().ToArray()),
    };
}
