using System.Globalization;
using System.Text.RegularExpressions;

namespace BackupReconciler.Resources.ShadowStorage;

/// <summary>
/// The desired maximum of a shadow storage association: a byte count, a percentage of the storage
/// volume, or unbounded. Units are binary, as vssadmin counts them (1 GB = 1024³ bytes), so a
/// baseline written from vssadmin's output or a KB article means the same number here.
/// </summary>
public sealed partial class ShadowStorageSize
{
    /// <summary>The units vssadmin accepts, in order, for messages.</summary>
    public const string Units = "B, KB, MB, GB, TB, PB or EB";

    private const string Forms = "give bytes (1073741824), a size with a unit (\"900MB\", \"20GB\", \"1.5TB\"), a percentage of the storage volume (\"10%\") or \"unbounded\"";

    private static readonly Dictionary<string, long> UnitBytes = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = 1,
        ["B"] = 1,
        ["KB"] = 1L << 10,
        ["MB"] = 1L << 20,
        ["GB"] = 1L << 30,
        ["TB"] = 1L << 40,
        ["PB"] = 1L << 50,
        ["EB"] = 1L << 60,
    };

    private ShadowStorageSize(long? bytes, decimal? percent, string text)
    {
        Bytes = bytes;
        Percent = percent;
        Text = text;
    }

    public static ShadowStorageSize Unbounded { get; } = new(null, null, "unbounded");

    /// <summary>A fixed limit in bytes; null for a percentage or unbounded.</summary>
    public long? Bytes { get; }

    /// <summary>A limit relative to the storage volume's size, above 0 and at most 100; null otherwise.</summary>
    public decimal? Percent { get; }

    public bool IsUnbounded => Bytes is null && Percent is null;

    /// <summary>The size as the baseline wrote it.</summary>
    public string Text { get; }

    [GeneratedRegex(@"^(?<sign>[-+]?)(?<number>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*(?<unit>[A-Za-z]*)$")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^(?<sign>[-+]?)(?<number>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*%$")]
    private static partial Regex PercentPattern();

    /// <summary>
    /// The limit in bytes on a storage volume of <paramref name="storageVolumeBytes"/>; null = unbounded.
    /// A percentage rounds down to whole bytes, so the limit asked for never exceeds what Windows computes
    /// for the same percentage; it is at least one byte, since zero would delete the association.
    /// </summary>
    public long? LimitOn(long storageVolumeBytes)
    {
        if (Percent is not { } percent)
        {
            return Bytes;
        }

        return Math.Max(1, (long)decimal.Floor(storageVolumeBytes * percent / 100m));
    }

    public static ShadowStorageSize FromBytes(long bytes) =>
        bytes > 0 ? new ShadowStorageSize(bytes, null, bytes.ToString(CultureInfo.InvariantCulture)) : throw new ArgumentOutOfRangeException(nameof(bytes));

    /// <summary>Why a byte count is not a usable limit, or null when it is.</summary>
    public static string? ProblemWithBytes(decimal bytes) => bytes switch
    {
        < 0 => "a size cannot be negative; " + Forms,
        < 1 => "a limit of zero would delete the shadow storage and its shadow copies; give a size above zero, a percentage such as \"10%\", or \"unbounded\"",
        > long.MaxValue => "that is more than Windows can hold (8 EB); use \"unbounded\" for no limit",
        _ => null,
    };

    /// <summary>
    /// Parses <c>"20GB"</c>, <c>"1.5TB"</c>, <c>"1073741824"</c>, <c>"10%"</c> or <c>"unbounded"</c> (any case, spaces
    /// allowed around the number). On failure, <paramref name="problem"/> says what is wrong and what to write instead.
    /// </summary>
    public static bool TryParse(string text, out ShadowStorageSize size, out string problem)
    {
        size = Unbounded;
        problem = "";
        var trimmed = text.Trim();
        if (trimmed.Equals("unbounded", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (PercentPattern().Match(trimmed) is { Success: true } percentMatch)
        {
            var percent = Number(percentMatch);
            if (percent is not > 0 or > 100)
            {
                problem = "a percentage of the storage volume must be more than 0% and at most 100%";
                return false;
            }

            size = new ShadowStorageSize(null, percent, trimmed);
            return true;
        }

        if (SizePattern().Match(trimmed) is not { Success: true } sizeMatch)
        {
            problem = "that is not a size; " + Forms;
            return false;
        }

        var unit = sizeMatch.Groups["unit"].Value;
        if (!UnitBytes.TryGetValue(unit, out var multiplier))
        {
            // The unit is not quoted on its own: the message quotes the whole value, which is masked when it holds a
            // secret, and a part of a secret quoted alone would not be.
            problem = $"the unit is not one of {Units} (binary, as vssadmin counts: 1 GB = 1024 MB)";
            return false;
        }

        var bytes = Number(sizeMatch) switch
        {
            null => decimal.MaxValue,
            < 0 => -1,
            // Far past the limit either way; stopping here keeps the multiplication inside decimal's range.
            { } n when n > 2m * long.MaxValue / multiplier => decimal.MaxValue,
            { } n => decimal.Floor(n * multiplier),
        };
        if (ProblemWithBytes(bytes) is { } tooSmallOrLarge)
        {
            problem = tooSmallOrLarge;
            return false;
        }

        size = new ShadowStorageSize((long)bytes, null, trimmed);
        return true;
    }

    /// <summary>The signed number of a match; null when it has more digits than a decimal holds (far beyond any volume).</summary>
    private static decimal? Number(Match match)
    {
        if (!decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return match.Groups["sign"].Value == "-" ? -number : number;
    }

    public override string ToString() => Text;
}
