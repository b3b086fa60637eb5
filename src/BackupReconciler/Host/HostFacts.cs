namespace BackupReconciler.Host;

/// <summary>The facts every Windows host has, with the values of a default installation.</summary>
public static class HostFacts
{
    /// <summary>
    /// A default installation's values: what a snapshot that states no facts stands for, and what
    /// <c>validate</c>, which reads no host, binds fact variables to.
    /// </summary>
    public static Dictionary<string, string> Typical() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["SystemDrive"] = "C:",
        ["SystemRoot"] = @"C:\Windows",
        ["ProgramFiles"] = @"C:\Program Files",
        ["ProgramData"] = @"C:\ProgramData",
    };
}
