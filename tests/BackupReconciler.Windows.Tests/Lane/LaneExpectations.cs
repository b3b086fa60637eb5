using System.Globalization;

namespace BackupReconciler.Windows.Tests.Lane;

/// <summary>
/// The lanes' own list of what they must prove (.ci/lanes.expected, built into this assembly):
/// per lane and area, the least number of live tests that must pass. One row a line,
/// "LANE AREA AT-LEAST what…"; blank lines and lines starting with # are comments.
/// </summary>
public sealed class LaneExpectations
{
    private const string ResourceName = "lanes.expected";

    private LaneExpectations(IReadOnlyList<(string Lane, string Area, int AtLeast)> rows) => Rows = rows;

    public IReadOnlyList<(string Lane, string Area, int AtLeast)> Rows { get; }

    /// <summary>The rows of one lane, by area.</summary>
    public IReadOnlyDictionary<string, int> For(string lane) =>
        Rows.Where(r => r.Lane == lane).ToDictionary(r => r.Area, r => r.AtLeast, StringComparer.Ordinal);

    /// <summary>The list built into this assembly from .ci/lanes.expected.</summary>
    public static LaneExpectations BuiltIn()
    {
        using var stream = typeof(LaneExpectations).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the resource {ResourceName} (.ci/lanes.expected) is not in the test assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static LaneExpectations Parse(string text)
    {
        var rows = new List<(string, string, int)>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var parts = trimmed.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var atLeast))
            {
                throw new FormatException($"lanes.expected({number}): \"{trimmed}\" is not \"LANE AREA AT-LEAST what…\"; write the lane, the area and a number");
            }

            rows.Add((parts[0], parts[1], atLeast));
        }

        return new LaneExpectations(rows);
    }
}
