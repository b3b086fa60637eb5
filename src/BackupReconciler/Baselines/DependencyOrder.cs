namespace BackupReconciler.Baselines;

/// <summary>Orders items so that each comes after what it depends on, keeping declaration order otherwise.</summary>
public static class DependencyOrder
{
    /// <summary>The ordered items, or the ids that form a cycle (first id repeated at the end).</summary>
    public static (IReadOnlyList<T> Ordered, IReadOnlyList<string>? Cycle) Sort<T>(
        IReadOnlyList<T> items,
        Func<T, string> id,
        Func<T, IEnumerable<string>> dependsOn)
    {
        var byId = items.ToDictionary(id, StringComparer.OrdinalIgnoreCase);
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false = visiting, true = done
        var ordered = new List<T>(items.Count);
        var path = new List<string>();

        List<string>? Visit(T item)
        {
            var key = id(item);
            if (state.TryGetValue(key, out var done))
            {
                return done ? null : [.. path.Skip(path.FindIndex(p => p.Equals(key, StringComparison.OrdinalIgnoreCase))), key];
            }

            state[key] = false;
            path.Add(key);
            foreach (var dependency in dependsOn(item))
            {
                if (byId.TryGetValue(dependency, out var next) && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[key] = true;
            ordered.Add(item);
            return null;
        }

        foreach (var item in items)
        {
            if (Visit(item) is { } cycle)
            {
                return ([], cycle);
            }
        }

        return (ordered, null);
    }
}
