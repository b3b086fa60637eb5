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

/// <summary>A theory over Linux file kinds (FIFOs, sockets, /dev/zero, signals); skipped elsewhere, saying why.</summary>
public sealed class OnLinuxTheoryAttribute : TheoryAttribute
{
    public OnLinuxTheoryAttribute(string reason)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that needs Linux (POSIX signals sent with kill, FIFOs, statx); skipped elsewhere, saying why.</summary>
public sealed class OnLinuxFactAttribute : FactAttribute
{
    public OnLinuxFactAttribute(string reason)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact about permissions on Linux; skipped as root (who may write anywhere) and on Windows, saying why.</summary>
public sealed class UnprivilegedLinuxFactAttribute : FactAttribute
{
    public UnprivilegedLinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "file modes as set here are Linux's";
        }
        else if (Environment.IsPrivilegedProcess)
        {
            Skip = "root may write into a read-only folder, so the refusal cannot be seen";
        }
    }
}
