using System.Globalization;

namespace BackupReconciler.Engine;

/// <summary>Run ids sort by time and stay unique across hosts: <c>20261122T100000Z-3f2a</c>.</summary>
public static class RunId
{
    /// <summary>
    /// The suffix is two random bytes of a new GUID: on Linux the framework's RandomNumberGenerator is OpenSSL's,
    /// and loading OpenSSL cost a plan more start-up than its whole engine; Guid.NewGuid reads the operating
    /// system's secure random source directly.
    /// </summary>
    public static string New(DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[16];
        _ = Guid.NewGuid().TryWriteBytes(random);
        return now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" +
            Convert.ToHexString(random[..2]).ToLowerInvariant();
    }
}
