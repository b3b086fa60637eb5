namespace BackupReconciler.Windows.Tests.Support;

/// <summary>A theory over the live Windows adapters, skipped where <see cref="LiveWindowsFactAttribute"/> would skip it.</summary>
public sealed class LiveWindowsTheoryAttribute : TheoryAttribute
{
    /// <summary>Why Wine cannot run this test (a Windows feature Wine does not implement).</summary>
    public string? SkipUnderWine { get; set; }

    public override string? Skip
    {
        get => base.Skip ?? LiveWindows.WhyNotHere() ?? (LiveWindows.IsWine ? SkipUnderWine : null);
        set => base.Skip = value;
    }
}
