using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Resources.EventLogQuiet;

/// <summary>Reads <c>eventLogQuiet</c> resources: <c>log</c> (default Application), <c>source</c>, <c>eventIds</c> and <c>within</c>.</summary>
public sealed class EventLogQuietResourceType : IResourceType
{
    public const string TypeName = "eventLogQuiet";

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var log = properties.OptionalString("log") ?? "Application";
        var source = properties.RequiredString("source");
        var ids = ReadIds(properties);
        var within = ReadWithin(properties);
        properties.RejectUnknownMembers();
        return new EventLogQuietResource(log, source, ids, within);
    }

    private static IReadOnlyList<int> ReadIds(JsonObjectReader properties)
    {
        var token = properties.Required("eventIds", "[208]");
        if (token is not JsonArrayItem array)
        {
            throw properties.Error(token, $"\"eventIds\" of {properties.Subject} must be an array of event IDs, such as [208]; found {JsonObjectReader.Describe(token)}.");
        }

        if (array.Count == 0)
        {
            throw properties.Error(array, $"\"eventIds\" of {properties.Subject} is empty; list at least one event ID, such as [208].");
        }

        return array.Select(item => (int)properties.AsInteger(item, "eventIds", 0, ushort.MaxValue)).Distinct().ToList();
    }

    private static Duration ReadWithin(JsonObjectReader properties)
    {
        var text = properties.AsString(properties.Required("within", "\"24h\""), "within");
        return Duration.TryParse(text, out var within) && within.Span > TimeSpan.Zero
            ? within
            : throw properties.Error(properties.Json["within"],
                $"\"within\" of {properties.Subject} is \"{text}\"; give a positive duration of at most 3650d in days, hours and minutes, such as \"24h\", \"30m\", \"7d\" or \"1h30m\".");
    }
}
