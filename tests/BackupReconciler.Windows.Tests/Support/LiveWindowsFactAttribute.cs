namespace BackupReconciler.Windows.Tests.Support;

/// <summary>
/// A test of the live Windows adapters: skipped, with the reason, where it cannot run (not Windows,
/// not elevated), and where Wine lacks what it tests (<see cref="SkipUnderWine"/>) or where it must
/// not touch the real thing (<see cref="SkipOnRealWindows"/>). A test without SkipUnderWine is meant
/// to run under Wine: the Wine lane fails when it is skipped there.
/// </summary>
public class LiveWindowsFactAttribute : FactAttribute, ILiveWindowsTest
{
    /// <summary>Why Wine cannot run this test (a Windows feature Wine does not implement).</summary>
    public string? SkipUnderWine { get; set; }

    /// <summary>Why this test runs only under Wine (it writes where a real machine's configuration lives).</summary>
    public string? SkipOnRealWindows { get; set; }

    public bool MeantForWine => SkipUnderWine is null && base.Skip is null && WhyNotHereToo() is null;

    public override string? Skip
    {
        get => base.Skip ?? LiveWindows.WhyNotHere() ?? (LiveWindows.IsWine ? SkipUnderWine : SkipOnRealWindows) ?? WhyNotHereToo();
        set => base.Skip = value;
    }

    /// <summary>What else this test needs of the machine it runs on (an instance, a product), or null when it has it.</summary>
    protected virtual string? WhyNotHereToo() => null;
}

/// <summary>A theory over the live Windows adapters, skipped as <see cref="LiveWindowsFactAttribute"/> is.</summary>
public sealed class LiveWindowsTheoryAttribute : TheoryAttribute, ILiveWindowsTest
{
    /// <summary>Why Wine cannot run this test (a Windows feature Wine does not implement).</summary>
    public string? SkipUnderWine { get; set; }

    public bool MeantForWine => SkipUnderWine is null && base.Skip is null;

    public override string? Skip
    {
        get => base.Skip ?? LiveWindows.WhyNotHere() ?? (LiveWindows.IsWine ? SkipUnderWine : null);
        set => base.Skip = value;
    }
}

/// <summary>A live test's attribute: the lane runner counts its passes per area and fails the Wine lane when one meant for Wine skips.</summary>
public interface ILiveWindowsTest
{
    /// <summary>True when the Wine lane must run this test: nothing says Wine cannot, and it is not skipped everywhere.</summary>
    bool MeantForWine { get; }
}
