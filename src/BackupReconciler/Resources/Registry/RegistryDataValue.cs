using BackupReconciler.Host.Registry;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.Registry;

/// <summary>
/// A registry value in a difference: always its kind and data. <see cref="ShowsKind"/> says how it is
/// written: <c>{ kind, data }</c> when the kind itself differs (or the other side is absent and the value
/// must go), the bare data when both sides are of one kind, as a reader compares them. An absent value is
/// no value (null), never a shape of this one.
/// </summary>
public sealed record RegistryDataValue(RegistryValue Value, bool ShowsKind) : DifferenceValue
{
    public override JToken ToJson() => ShowsKind ? Value.ToJson() : Value.DataToJson();

    /// <summary>Its rendering read back: an object is the whole value, anything else data of this value's kind.</summary>
    public override DifferenceValue? ReadBack(JToken json)
    {
        var whole = json is JObject;
        var source = whole ? (JObject)json.DeepClone() : new JObject { ["kind"] = Value.KindName, ["data"] = json.DeepClone() };
        try
        {
            return new RegistryDataValue(RegistryValue.Read(JsonObjectReader.ForObject(source, "recorded value", "a recorded registry value")), whole);
        }
        catch (InputException)
        {
            return null;
        }
    }

    /// <summary>Only the data can be a secret, never the kind's name.</summary>
    public override IEnumerable<string> SecretParts => LeavesOf(Value.DataToJson());

    /// <summary>
    /// The journal wrote what a run set as bare data or as <c>{ kind, data }</c>, as that run's comparison
    /// showed it; the value is its kind and data, however it was written.
    /// </summary>
    public override bool IsSameValue(DifferenceValue? other) => other is RegistryDataValue registry && Value.Equals(registry.Value);
}
