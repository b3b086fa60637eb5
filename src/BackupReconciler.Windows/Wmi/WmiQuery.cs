namespace BackupReconciler.Windows.Wmi;

/// <summary>
/// One WQL query: a class in a namespace, with only the properties the mapping uses (DESIGN §8: WMI
/// providers such as Win32_Volume compute some properties per instance, and every property costs).
/// </summary>
internal sealed record WmiQuery
{
    public WmiQuery(string @namespace, string className, IReadOnlyList<string> properties)
    {
        if (!IsName(className) || properties.Count == 0 || !properties.All(IsName))
        {
            throw new ArgumentException($"WQL names are letters, digits and underscores: {className} ({string.Join(", ", properties)}).", nameof(properties));
        }

        Namespace = @namespace;
        ClassName = className;
        Properties = properties;
    }

    public string Namespace { get; }

    public string ClassName { get; }

    public IReadOnlyList<string> Properties { get; }

    /// <summary>The query's text: the properties asked for, never <c>*</c>.</summary>
    public string Wql => $"SELECT {string.Join(", ", Properties)} FROM {ClassName}";

    /// <summary>The names are the code's own constants; checking them keeps the query text from ever being anything else.</summary>
    private static bool IsName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
