using BackupReconciler.Host.Registry;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Resources.Registry;

/// <summary>Reads <c>registry</c> resources: <c>key</c>, <c>view</c> (64 or 32) and <c>values</c>.</summary>
public sealed class RegistryResourceType : IResourceType
{
    public const string TypeName = "registry";

    private static readonly EnumNames<Ensure> EnsureNames = new(("present", Ensure.Present), ("absent", Ensure.Absent));

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var key = RegistryKeyPath.Read(properties, "key");
        var view = ReadView(properties);
        var values = properties.RequiredObject("values", $"\"values\" of {properties.Subject}");
        if (values.Json.Members.Count == 0)
        {
            throw properties.Error(values.Json, $"\"values\" of {properties.Subject} is empty; name at least one value, e.g. \"Name\": {{ \"kind\": \"dword\", \"data\": 1 }}.");
        }

        var specs = new List<RegistryValueSpec>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in values.Json.Members)
        {
            if (!seen.Add(member.Name))
            {
                throw values.Error(member, $"the value \"{member.Name}\" appears twice in {properties.Subject} (value names ignore case on Windows); keep one.");
            }

            specs.Add(ReadValue(member, properties));
            values.Optional(member.Name);
        }

        properties.RejectUnknownMembers();
        return new RegistryResource(key, view, specs);
    }

    private static RegistryView ReadView(JsonObjectReader properties)
    {
        var token = properties.Optional("view");
        return token?.ToString() switch
        {
            null or "64" => RegistryView.Registry64,
            "32" => RegistryView.Registry32,
            _ => throw properties.Error(token, $"\"view\" of {properties.Subject} must be 64 or 32; found {JsonObjectReader.Describe(token)}."),
        };
    }

    private static RegistryValueSpec ReadValue(JsonMember member, JsonObjectReader properties)
    {
        var reader = JsonObjectReader.ForObject(member.Value, properties.File, "value \"{0}\" of {1}", member.Name, properties.Subject);
        var ensure = reader.OptionalEnum("ensure", EnsureNames) ?? Ensure.Present;
        if (ensure == Ensure.Absent)
        {
            // kind and data mean nothing for a value that must not exist; accept them so a value can be flipped to absent in place.
            reader.Optional("kind");
            reader.Optional("data");
            reader.RejectUnknownMembers();
            return new RegistryValueSpec(member.Name, null);
        }

        if (reader.Has("atLeast"))
        {
            var minimum = RegistryValue.ReadMinimum(reader);
            reader.RejectUnknownMembers();
            return new RegistryValueSpec(member.Name, minimum, AtLeast: true);
        }

        var value = RegistryValue.Read(reader);
        reader.RejectUnknownMembers();
        return new RegistryValueSpec(member.Name, value);
    }

    private enum Ensure
    {
        Present,
        Absent,
    }
}
