using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Snapshot;

/// <summary>Reads the moments a snapshot holds (<c>capturedAt</c>, event times), located when they are malformed.</summary>
internal static class SnapshotTime
{
    public static DateTimeOffset Read(JsonObjectReader reader, string name) =>
        Parse(reader, reader.Required(name, $"\"{UtcTime.Example}\""), name);

    public static DateTimeOffset? ReadOptional(JsonObjectReader reader, string name) =>
        reader.Optional(name) is { } token ? Parse(reader, token, name) : null;

    private static DateTimeOffset Parse(JsonObjectReader reader, JsonItem token, string name)
    {
        var text = reader.AsString(token, name);
        return UtcTime.TryParse(text, out var time)
            ? time
            : throw reader.Error(token, $"\"{name}\" of {reader.Subject} is \"{text}\"; give an ISO 8601 time with its zone, such as \"{UtcTime.Example}\".");
    }
}
