using BackupReconciler.Host.Registry;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.PathList;

/// <summary>The variable's current text (null when it does not exist) and its registry kind.</summary>
public sealed record PathListActual(string Variable, string? Value, RegistryValueKind Kind) : IActualState
{
    /// <summary>The variable as a registry value, for undo: its text of its kind, or null when it did not exist.</summary>
    public RegistryValue? Previous => Value is null ? null
        : Kind == RegistryValueKind.String ? RegistryValue.String(Value) : RegistryValue.ExpandString(Value);

    public JToken ToJson() => new JObject
    {
        ["variable"] = Variable,
        ["value"] = Value,
        ["entries"] = new JArray(PathListValue.EntriesOf(Value).Cast<object>().ToArray()),
    };
}
