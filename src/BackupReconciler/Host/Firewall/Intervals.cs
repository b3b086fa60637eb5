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
        foreach (var (low, high) in intervals.OrderBy(i => i.Low).ThenBy(i => i.High))
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
}
