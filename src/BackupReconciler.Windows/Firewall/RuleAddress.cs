using System.Net;

namespace BackupReconciler.Windows.Firewall;

/// <summary>
/// One local or remote address entry of a rule string, as written and as understood.
/// </summary>
/// <param name="Key">The field it came from: <c>RA4</c>, <c>RA6</c>, <c>LA4</c>, <c>LA6</c>, or a versioned key such as <c>RA42</c>.</param>
/// <param name="Text">The value exactly as stored.</param>
/// <param name="Kind">Single address, range, subnet or keyword.</param>
/// <param name="First">The address, the first of the range, or the subnet's address as written; null for a keyword.</param>
/// <param name="Last">The address or the last of the range; null for subnets and keywords.</param>
/// <param name="PrefixLength">The subnet's prefix length (a mask is converted); null otherwise.</param>
/// <param name="Keyword">The keyword in its canonical spelling (<c>LocalSubnet</c>, <c>IntErnet</c>); null otherwise.</param>
/// <param name="IsKnownKeyword">False for a keyword this parser has not heard of (a newer Windows): kept, not refused.</param>
public sealed record RuleAddress(
    string Key, string Text, RuleAddressKind Kind, IPAddress? First, IPAddress? Last, int? PrefixLength, string? Keyword, bool IsKnownKeyword)
{
    /// <summary>4 or 6: the address family the key stands for.</summary>
    public int Family => Key[2] == '6' ? 6 : 4;
}
