using System.Numerics;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// Inclusive intervals reduced to the points they cover: what a firewall matches on. Two lists that
/// cover the same ports or addresses merge to the same result however they were written.
/// </summary>
internal static class Intervals
{
    public static List<(T Low, T High)> Merge<T>(IEnumerable<(T Low, T High)> intervals)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        var merged = new List<(T Low, T High)>();
        var sorted = new List<(T Low, T High)>(intervals);
        sorted.Sort(static (a, b) => a.Low != b.Low ? a.Low.CompareTo(b.Low) : a.High.CompareTo(b.High));
        foreach (var (low, high) in sorted)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                // Touching intervals merge too: 135,136 covers exactly what 135-136 covers.
                if (last.High == T.MaxValue || low <= last.High + T.One)
                {
                    merged[^1] = (last.Low, T.Max(last.High, high));
                    continue;
                }
            }

            merged.Add((low, high));
        }

        return merged;
    }

    /// <summary>
    /// The distinct items in the order <paramref name="compare"/> gives, which must tell any two different items
    /// apart. A rule's lists hold one or two entries and a snapshot a thousand rules: without LINQ's ordering,
    /// reading their ports and addresses allocates a fifth of what it did.
    /// </summary>
    public static List<TItem> SortedDistinct<TItem>(IEnumerable<TItem> items, Comparison<TItem> compare)
    {
        var sorted = new List<TItem>(items);
        if (sorted.Count < 2)
        {
            return sorted;
        }

        sorted.Sort(compare);
        var kept = 1;
        for (var i = 1; i < sorted.Count; i++)
        {
            if (compare(sorted[kept - 1], sorted[i]) != 0)
            {
                sorted[kept++] = sorted[i];
            }
        }

        sorted.RemoveRange(kept, sorted.Count - kept);
        return sorted;
    }
}
