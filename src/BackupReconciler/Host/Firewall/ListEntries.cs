namespace BackupReconciler.Host.Firewall;

/// <summary>How lists of ports, addresses and profiles are written: entries that may themselves hold commas.</summary>
internal static class ListEntries
{
    /// <summary>The parts of every entry ("135,5718" is two, as netsh takes it), each with the index of the entry it came from.</summary>
    public static IEnumerable<(int Index, string Part)> Split(IReadOnlyList<string> entries) =>
        entries.SelectMany((entry, index) => entry.Split(',').Select(part => (index, part)));
}
