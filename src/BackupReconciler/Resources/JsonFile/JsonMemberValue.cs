using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.JsonFile;

/// <summary>A member's value in a JSON file: any JSON, equal when it is the same JSON.</summary>
public sealed record JsonMemberValue(JToken Json) : DifferenceValue
{
    public override JToken ToJson() => Json.DeepClone();

    public override DifferenceValue? ReadBack(JToken json) => new JsonMemberValue(json.DeepClone());

    public bool Equals(JsonMemberValue? other) => other is not null && JToken.DeepEquals(Json, other.Json);

    public override int GetHashCode() => Json.Type.GetHashCode();
}
