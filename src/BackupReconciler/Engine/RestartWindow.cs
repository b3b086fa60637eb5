using System.Globalization;
using BackupReconciler.Input;

namespace BackupReconciler.Engine;

/// <summary>
/// The hours of the host's own day in which disruptive restarts may happen, such as 22:00-04:00 (a window
/// may cross midnight; the start is inside it, the end is not).
/// </summary>
public readonly record struct RestartWindow(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) =>
        Start <= End ? time >= Start && time < End : time >= Start || time < End;

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";

    /// <summary>"HH:MM-HH:MM" in 24-hour time; anything else is a user error that says how to write it.</summary>
    public static RestartWindow Parse(string text)
    {
        var parts = text.Split('-');
        if (parts.Length == 2 && TryTime(parts[0], out var start) && TryTime(parts[1], out var end) && start != end)
        {
            return new RestartWindow(start, end);
        }

        throw new InputException(null, $"--restart-window {text}: give two different host-local times as HH:MM-HH:MM, such as 22:00-04:00.");
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
