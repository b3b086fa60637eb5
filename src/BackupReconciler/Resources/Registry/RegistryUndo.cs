using BackupReconciler.Host.Registry;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Registry;

/// <summary>
/// How a change of registry values is taken back: each value as it was, or deleted if it was not
/// there. Used by every type whose state lives in registry values (registry, pathList, sqlAgentAccount).
/// </summary>
internal static class RegistryUndo
{
    /// <param name="previous">The difference's actual value: null (missing), <c>{ kind, data }</c>, or bare data of the kind named <paramref name="kindName"/>.</param>
    /// <param name="kindName">The kind as <see cref="RegistryValue.KindName"/> writes it: the previous value's kind when the difference shows only data.</param>
    public static JObject PreviousValue(JToken? previous, string kindName) => previous switch
    {
        null => new JObject { ["ensure"] = "absent" },
        JObject whole when whole["kind"] is not null => (JObject)whole.DeepClone(),
        _ => new JObject { ["kind"] = kindName, ["data"] = previous.DeepClone() },
    };

    public static UndoStep Of(RegistryKeyPath key, RegistryView view, JObject values) =>
        UndoStep.With(RegistryResourceType.TypeName, new JObject
        {
            ["key"] = key.FullName,
            ["view"] = view == RegistryView.Registry32 ? 32 : 64,
            ["values"] = values,
        });
}
