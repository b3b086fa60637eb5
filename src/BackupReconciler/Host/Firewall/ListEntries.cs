namespace BackupReconciler.Host.Firewall;

/// <summary>How lists of ports, addresses and profiles are written: entries that may themselves hold commas.</summary>
internal static class ListEntries
{
    /// <summary>The parts of every entry ("135,5718" is two, as netsh takes it), each with the index of the entry it came from.</summary>
    public static List<(int Index, string Part)> Split(IReadOnlyList<string> entries)
    {
        // Loops rather than SelectMany and string.Split: a DPM server's snapshot has thousands of lists, nearly all without a comma.
        var parts = new List<(int, string)>(entries.Count);
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            if (!entry.Contains(',', StringComparison.Ordinal))
            {
                parts.Add((index, entry));
                continue;
            }

            foreach (var part in entry.Split(','))
            {
                parts.Add((index, part));
            }
        }

        return parts;
    }
}
