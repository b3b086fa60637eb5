namespace BackupReconciler.Tests.Support;

/// <summary>A clock that always says the same moment, so age checks do not depend on when the test runs.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
