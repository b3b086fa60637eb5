using BackupReconciler.Input;

namespace BackupReconciler.Resources.Service;

/// <summary>Reads <c>service</c> resources: <c>name</c> and at least one of <c>startType</c>, <c>state</c>, <c>account</c>.</summary>
public sealed class ServiceResourceType : IResourceType
{
    public const string TypeName = "service";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var name = properties.RequiredString("name");
        var startType = properties.OptionalEnum("startType", ServiceNames.DesiredStartTypes);
        var state = properties.OptionalEnum("state", ServiceNames.DesiredStates);
        var account = properties.OptionalString("account");
        properties.RejectUnknownMembers();
        if (startType is null && state is null && account is null)
        {
            throw properties.Error(null, $"{properties.Subject} declares nothing to manage; add \"startType\", \"state\" or \"account\".");
        }

        return new ServiceResource(name, startType, state, account);
    }
}
