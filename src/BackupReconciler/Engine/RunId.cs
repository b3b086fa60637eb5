using System.Globalization;
using System.Security.Cryptography;

namespace BackupReconciler.Engine;

/// <summary>Run ids sort by time and stay unique across hosts: <c>20261122T100000Z-3f2a</c>.</summary>
public static class RunId
{
    public static string New(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexString(RandomNumberGenerator.GetBytes(2)).ToLowerInvariant();
}
