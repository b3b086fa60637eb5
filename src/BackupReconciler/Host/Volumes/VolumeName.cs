namespace BackupReconciler.Host.Volumes;

/// <summary>
/// A volume named by its drive letter, in the one spelling used for comparison and reports:
/// Windows accepts <c>c:</c>, <c>C:</c> and <c>C:\</c> for the same volume.
/// </summary>
public static class VolumeName
{
    /// <summary>What a volume name may look like, for messages.</summary>
    public const string Expected = "a drive letter such as \"C:\"";

    /// <summary>The canonical form <c>C:</c>, or false when <paramref name="text"/> is not a drive-letter volume.</summary>
    public static bool TryNormalize(string text, out string name)
    {
        var trimmed = text.Trim();
        var hasRoot = trimmed.Length == 3 && trimmed[2] is '\\' or '/';
        if ((trimmed.Length == 2 || hasRoot) && char.IsAsciiLetter(trimmed[0]) && trimmed[1] == ':')
        {
            name = char.ToUpperInvariant(trimmed[0]) + ":";
            return true;
        }

        name = "";
        return false;
    }
}
