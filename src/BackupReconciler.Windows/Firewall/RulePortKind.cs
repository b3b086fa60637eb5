namespace BackupReconciler.Windows.Firewall;

/// <summary>What one port entry of a rule string is.</summary>
public enum RulePortKind
{
    /// <summary>One port: <c>LPort=3389</c>.</summary>
    Number,

    /// <summary>A range: <c>LPort2_10=49152-65535</c>.</summary>
    Range,

    /// <summary>Ports the system tracks: <c>LPort=RPC</c>, <c>LPort=RPC-EPMap</c>, <c>LPort2_20=Ply2Disc</c>.</summary>
    Keyword,
}
