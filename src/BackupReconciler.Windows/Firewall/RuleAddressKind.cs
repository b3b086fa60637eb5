namespace BackupReconciler.Windows.Firewall;

/// <summary>What one address entry of a rule string is.</summary>
public enum RuleAddressKind
{
    /// <summary>One address: <c>RA4=13.232.55.12</c>.</summary>
    Single,

    /// <summary>An inclusive range: <c>RA4=10.0.0.1-10.0.0.9</c>.</summary>
    Range,

    /// <summary>A subnet by prefix or mask: <c>LA6=fe80::/64</c>, <c>LA4=192.168.1.0/255.255.255.0</c>.</summary>
    Subnet,

    /// <summary>Addresses the system tracks: <c>RA4=LocalSubnet</c>, <c>RA42=IntErnet</c>.</summary>
    Keyword,
}
