using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.SqlLogin;

/// <summary>What <c>get</c> shows: the login and its roles, or null when it does not exist.</summary>
public sealed record SqlLoginActual(string Instance, Host.Sql.SqlLogin? Login) : IActualState
{
    public JToken ToJson() => new JObject
    {
        ["instance"] = Instance,
        ["login"] = Login?.Name,
        ["serverRoles"] = Login is null ? null : new JArray(Login.ServerRoles.Cast<object>().ToArray()),
    };
}
