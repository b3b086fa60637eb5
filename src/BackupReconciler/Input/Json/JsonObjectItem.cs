namespace BackupReconciler.Input.Json;

/// <summary>A member of an object: its name and value, and where the name is (the colon after it, as Newtonsoft counts).</summary>
public sealed class JsonMember(string name, JsonItem value, int line, int column) : IJsonPosition
{
    public string Name { get; } = name;

    public JsonItem Value { get; } = value;

    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>
/// An object's members in file order. Lookups scan the list while it is short: input objects have a handful
/// of members, and a dictionary per object was much of what the JToken tree cost.
/// </summary>
public sealed class JsonObjectItem(int line, int column) : JsonItem(line, column)
{
    /// <summary>Above this many members, lookups go through an index (a hostile object may have millions).</summary>
    private const int Scanned = 8;

    private readonly List<JsonMember> _members = [];
    private Dictionary<string, JsonMember>? _index;

    public override JsonKind Kind => JsonKind.Object;

    public IReadOnlyList<JsonMember> Members => _members;

    /// <summary>The value of the member <paramref name="name"/> (names are case-sensitive, as in JSON), or null.</summary>
    public JsonItem? this[string name] => Member(name)?.Value;

    public JsonMember? Member(string name)
    {
        if (_members.Count > Scanned)
        {
            _index ??= _members.ToDictionary(m => m.Name, StringComparer.Ordinal);
            return _index.GetValueOrDefault(name);
        }

        foreach (var member in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_members))
        {
            if (string.Equals(member.Name, name, StringComparison.Ordinal))
            {
                return member;
            }
        }

        return null;
    }

    public bool Contains(string name) => Member(name) is not null;

    /// <summary>Puts <paramref name="value"/> in place of the member's value, keeping its name and position (a baseline's bound variables).</summary>
    internal void Replace(string name, JsonItem value)
    {
        var at = _members.FindIndex(m => string.Equals(m.Name, name, StringComparison.Ordinal));
        var member = new JsonMember(name, value, _members[at].Line, _members[at].Column);
        _members[at] = member;
        if (_index is not null)
        {
            _index[name] = member;
        }
    }

    /// <summary>Adds a member; the builder refuses a second of one name first (<see cref="Contains"/>).</summary>
    internal void Add(JsonMember member)
    {
        _members.Add(member);
        _index?.Add(member.Name, member);
    }
}

/// <summary>An array's items in file order.</summary>
public sealed class JsonArrayItem(int line, int column) : JsonItem(line, column), IReadOnlyList<JsonItem>
{
    private readonly List<JsonItem> _items = [];

    public override JsonKind Kind => JsonKind.Array;

    public int Count => _items.Count;

    public JsonItem this[int index] => _items[index];

    /// <summary>The list's own enumerator, so that a foreach over an array allocates nothing.</summary>
    public List<JsonItem>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<JsonItem> IEnumerable<JsonItem>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(JsonItem item) => _items.Add(item);
}
