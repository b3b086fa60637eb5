using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.ShadowStorage;

/// <summary>A size limit in bytes, or no limit at all (<c>"unbounded"</c>): shadow storage's maximum size.</summary>
public sealed record SizeLimitValue(long? Bytes) : DifferenceValue
{
    private const string Unbounded = "unbounded";

    public override JToken ToJson() => Bytes is { } bytes ? new JValue(bytes) : new JValue(Unbounded);

    public override DifferenceValue? ReadBack(JToken json) => json switch
    {
        JValue { Type: JTokenType.Integer, Value: long bytes } => new SizeLimitValue(bytes),
        JValue { Type: JTokenType.String, Value: Unbounded } => new SizeLimitValue((long?)null),
        _ => null,
    };
}
