using BackupReconciler.Host.Registry;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Registry;

/// <summary>
/// How a change of registry values is taken back: each value as it was, or deleted if it was not
/// there. Used by every type whose state lives in registry values (registry, pathList, sqlAgentAccount).
/// </summary>
internal static class RegistryUndo
{
    /// <summary>A declared value as it was before the change: its kind and data, or absent (null) to delete it again.</summary>
    public static JObject PreviousValue(RegistryValue? previous) =>
        previous is null ? new JObject { ["ensure"] = "absent" } : previous.ToJson();

    public static UndoStep Of(RegistryKeyPath key, RegistryView view, JObject values) =>
        UndoStep.With(RegistryResourceType.TypeName, new JObject
        {
            ["key"] = key.FullName,
            ["view"] = view == RegistryView.Registry32 ? 32 : 64,
            ["values"] = values,
        });
}
