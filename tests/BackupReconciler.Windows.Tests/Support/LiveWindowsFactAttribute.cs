namespace BackupReconciler.Windows.Tests.Support;

/// <summary>
/// A test of the live Windows adapters: skipped, with the reason, where it cannot run (not Windows,
/// not elevated), and where Wine lacks what it tests (<see cref="SkipUnderWine"/>) or where it must
/// not touch the real thing (<see cref="SkipOnRealWindows"/>).
/// </summary>
public sealed class LiveWindowsFactAttribute : FactAttribute
{
    /// <summary>Why Wine cannot run this test (a Windows feature Wine does not implement).</summary>
    public string? SkipUnderWine { get; set; }

    /// <summary>Why this test runs only under Wine (it writes where a real machine's configuration lives).</summary>
    public string? SkipOnRealWindows { get; set; }

    public override string? Skip
    {
        get => base.Skip ?? LiveWindows.WhyNotHere() ?? (LiveWindows.IsWine ? SkipUnderWine : SkipOnRealWindows);
        set => base.Skip = value;
    }
}
