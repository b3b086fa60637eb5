using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources;

/// <summary>The actual state of a resource as <c>get</c> shows it.</summary>
public interface IActualState
{
    JToken ToJson();
}
