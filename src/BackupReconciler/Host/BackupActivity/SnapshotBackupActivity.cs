using System.Globalization;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Snapshot;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host.BackupActivity;

/// <summary>
/// The snapshot's <c>backupActivity</c> section: the backup work running on the host
/// (<c>{ kind, name, detail }</c> each) and the host's offset from UTC, which makes its local time.
/// The reconciler only reads it. Without the section the host is idle and its clock is UTC.
/// </summary>
/// <remarks>Never changed: restarts wait for backup work, they do not end it.</remarks>
public sealed class SnapshotBackupActivity(FaultInjector faults, TimeProvider clock) : SnapshotSection("backupActivity", faults, Faults), IBackupActivity
{
    public static readonly FaultKind Faults = FaultKind.WholeList("backupActivity", 12);

    public static readonly EnumNames<BackupWorkKind> Kinds = new(
        ("sqlAgentJob", BackupWorkKind.SqlAgentJob),
        ("sqlBackupRequest", BackupWorkKind.SqlBackupRequest),
        ("windowsServerBackup", BackupWorkKind.WindowsServerBackup),
        ("marsJob", BackupWorkKind.MarsJob));

    private readonly List<BackupWork> _running = [];
    private TimeSpan _utcOffset;

    public override void Load(JsonItem section, string file)
    {
        var reader = ReadObject(section, file);
        if (reader.Optional("utcOffset") is { } offset)
        {
            var text = reader.AsString(offset, "utcOffset");
            _utcOffset = TryParseOffset(text, out var parsed)
                ? parsed
                : throw reader.Error(offset, $"\"utcOffset\" is \"{text}\"; write the host's offset from UTC as +HH:MM or -HH:MM, such as \"+01:00\".");
        }

        if (reader.Optional("running") is { } running)
        {
            if (running is not JsonArrayItem items)
            {
                throw reader.Error(running, $"\"running\" must be an array of {{ \"kind\", \"name\", \"detail\" }}; found {JsonObjectReader.Describe(running)}.");
            }

            foreach (var item in items)
            {
                var work = JsonObjectReader.ForObject(item, file, "a piece of running backup work");
                var kind = work.RequiredEnum("kind", Kinds);
                var name = work.RequiredString("name");
                var detail = work.OptionalString("detail") ?? "";
                work.RejectUnknownMembers();
                _running.Add(new BackupWork(kind, name, detail));
            }
        }

        reader.RejectUnknownMembers();
    }

    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':'
            || !TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var magnitude)
            || magnitude > TimeSpan.FromHours(14))
        {
            return false;
        }

        offset = text[0] == '-' ? -magnitude : magnitude;
        return true;
    }

    /// <summary>The work as it ran (in the order the host listed it).</summary>
    protected override JToken Write(bool sorted) => new JObject
    {
        ["utcOffset"] = (_utcOffset < TimeSpan.Zero ? "-" : "+") + _utcOffset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        ["running"] = new JArray(_running.Select(w => new JObject
        {
            ["kind"] = Kinds.NameOf(w.Kind),
            ["name"] = w.Name,
            ["detail"] = w.Detail,
        })),
    };

    /// <summary>Records the work a capture found running and the host's offset from UTC then.</summary>
    internal void RecordActivity(IReadOnlyList<BackupWork> running, TimeSpan utcOffset)
    {
        _running.Clear();
        _running.AddRange(running);
        _utcOffset = utcOffset;
        MarkRecorded();
    }

    public IReadOnlyList<BackupWork> ReadRunning()
    {
        CheckRead();
        return _running.ToList();
    }

    public DateTimeOffset LocalNow() => clock.GetUtcNow().ToOffset(_utcOffset);
}
