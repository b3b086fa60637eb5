namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// One local or remote port entry of a rule string, as written and as understood.
/// </summary>
/// <param name="Key">The field it came from: <c>LPort</c>, or a versioned key such as <c>LPort2_10</c>, <c>RPort2_10</c>.</param>
/// <param name="Text">The value exactly as stored.</param>
/// <param name="Kind">Number, range or keyword.</param>
/// <param name="Low">The port, or the first of the range; null for a keyword.</param>
/// <param name="High">The port, or the last of the range; null for a keyword.</param>
/// <param name="Keyword">The keyword in its canonical spelling (<c>RPC-EPMap</c>); null for numbers.</param>
/// <param name="IsKnownKeyword">False for a keyword this parser has not heard of (a newer Windows): kept, not refused.</param>
public sealed record RulePort(string Key, string Text, RulePortKind Kind, int? Low, int? High, string? Keyword, bool IsKnownKeyword);
