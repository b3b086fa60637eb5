namespace BackupReconciler.Input;

/// <summary>
/// A set of member names (case-sensitive, as JSON names are), kept in a short array while it holds a few:
/// a reader asks for a handful of names per object, and a snapshot of a DPM server has twelve thousand
/// objects, for which hash sets were a fifth of what reading it allocated. Past <see cref="Scanned"/>
/// names (a reader walking a large section's members) it keeps a hash set, so nothing grows quadratic.
/// </summary>
internal sealed class NameSet : IEnumerable<string>
{
    private const int Scanned = 16;

    private string[] _few;
    private int _count;
    private HashSet<string>? _many;

    /// <param name="expected">How many names will likely be asked: a reader asks for its object's members and a few absent ones.</param>
    public NameSet(int expected = 0)
    {
        _few = expected <= 0 ? [] : new string[Math.Min(Scanned, expected)];
    }

    public int Count => _many?.Count ?? _count;

    public bool Contains(string name)
    {
        if (_many is not null)
        {
            return _many.Contains(name);
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_few[i], name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public void Add(string name)
    {
        if (_many is not null)
        {
            _many.Add(name);
            return;
        }

        if (Contains(name))
        {
            return;
        }

        if (_count == Scanned)
        {
            _many = new HashSet<string>(_few, StringComparer.Ordinal) { name };
            _few = [];
            return;
        }

        if (_count == _few.Length)
        {
            Array.Resize(ref _few, Math.Min(Scanned, Math.Max(4, _count * 2)));
        }

        _few[_count++] = name;
    }

    public IEnumerator<string> GetEnumerator() => (_many ?? _few.Take(_count)).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
