namespace BackupReconciler.Tests.Support;

/// <summary>A test that only means something off Windows; on Windows it is skipped and says why.</summary>
public sealed class NotOnWindowsFactAttribute : FactAttribute
{
    public NotOnWindowsFactAttribute(string reason)
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = reason;
        }
    }
}
