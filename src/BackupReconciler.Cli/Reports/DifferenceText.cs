using System.Globalization;
using BackupReconciler.Engine;
using BackupReconciler.Resources;
using BackupReconciler.Resources.ShadowStorage;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Reports;

/// <summary>
/// A difference as lines a person reads: marked as Terraform marks them (<c>+</c> added, <c>~</c> changed,
/// <c>-</c> removed, <c>!</c> left to a person), lists as one item a line, a missing object (a firewall rule,
/// a task) as its settings one a line, byte counts in binary units. Strings print as they are: never as
/// JSON with its doubled backslashes.
/// </summary>
public static class DifferenceText
{
    private static readonly string[] BinaryUnits = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary>The mark of one difference: what apply does (did) with it.</summary>
    public static char Mark(Difference difference) =>
        difference.IsManual ? '!'
        : IsAbsent(difference.Actual?.ToJson()) ? '+'
        : IsAbsent(difference.Desired?.ToJson()) ? '-'
        : '~';

    public static Tone ToneOf(char mark) => mark switch
    {
        '+' => Tone.Create,
        '-' => Tone.Remove,
        '!' => Tone.Manual,
        _ => Tone.Change,
    };

    /// <summary>
    /// The lines of one difference, without indentation; the first line is the property's,
    /// the others (items, settings) are to be indented under it. <paramref name="width"/> pads the property name.
    /// </summary>
    /// <param name="secret">Whether a value's text holds a secret (<see cref="TextStyle.Secret"/>): it is then not converted to binary units.</param>
    public static IReadOnlyList<string> Lines(Difference difference, int width, Func<string, bool>? secret = null)
    {
        var mark = Mark(difference);
        var name = (difference.Property + ":").PadRight(width + 1);
        var note = difference.IsManual ? "  [manual]"
            : difference.NotUndoable is { } why ? $"  [not undoable: {why}]"
            : "";
        // Laid out from each value's one JSON rendering, as the JSON report shows it.
        var actual = difference.Actual?.Shown;
        var desired = difference.Desired?.Shown;

        if (!difference.IsManual && (actual is JArray || desired is JArray) && (IsAbsent(actual) || actual is JArray) && (IsAbsent(desired) || desired is JArray))
        {
            return [$"{mark} {name}{note}".TrimEnd(), .. ListItems(actual as JArray ?? [], desired as JArray ?? [])];
        }

        if (!difference.IsManual && (actual is JObject || desired is JObject) && (IsAbsent(actual) || actual is JObject) && (IsAbsent(desired) || desired is JObject))
        {
            return [$"{mark} {name}{note}".TrimEnd(), .. Settings(actual as JObject, desired as JObject)];
        }

        // A size limit is a byte count: printed as 50 GiB, as baselines write sizes; a secret one as written, to be masked.
        var bytes = (difference.Actual is SizeLimitValue || difference.Desired is SizeLimitValue)
            && !new[] { actual, desired }.Any(v => v is JValue { Type: JTokenType.Integer } n && (secret?.Invoke(ValueText.Format(n)) ?? false));
        var text = mark switch
        {
            '!' => $"{Value(actual, bytes)}; wanted: {Value(desired, bytes)}",
            '+' => Value(desired, bytes),
            '-' => Value(actual, bytes),
            _ => $"{Value(actual, bytes)} → {Value(desired, bytes)}",
        };
        return [$"{mark} {name} {text}{note}"];
    }

    /// <summary>A list difference, item by item in the desired order: kept items unmarked, then the items that go.</summary>
    private static IEnumerable<string> ListItems(JArray actual, JArray desired)
    {
        var had = actual.Select(Item).ToList();
        var wanted = desired.Select(Item).ToList();
        foreach (var item in wanted)
        {
            yield return (had.Contains(item, StringComparer.Ordinal) ? "  " : "+ ") + item;
        }

        foreach (var item in had.Where(i => !wanted.Contains(i, StringComparer.Ordinal)))
        {
            yield return "- " + item;
        }
    }

    /// <summary>An object's settings one a line, names aligned; between two objects, each setting marked as the list items are.</summary>
    private static IEnumerable<string> Settings(JObject? actual, JObject? desired)
    {
        var names = (desired?.Properties() ?? []).Select(p => p.Name)
            .Concat((actual?.Properties() ?? []).Select(p => p.Name))
            .Distinct(StringComparer.Ordinal).ToList();
        var width = names.Count == 0 ? 0 : names.Max(n => n.Length) + 1;
        foreach (var name in names)
        {
            var had = actual?[name];
            var wanted = desired?[name];
            var label = (name + ":").PadRight(width);
            if (actual is null || desired is null)
            {
                yield return $"  {label} {Inline(wanted ?? had)}";
            }
            else if (JToken.DeepEquals(had, wanted))
            {
                yield return $"  {label} {Inline(wanted)}";
            }
            else
            {
                yield return $"~ {label} {Inline(had)} → {Inline(wanted)}";
            }
        }
    }

    /// <summary>A value inside a setting: a list as its items joined by commas.</summary>
    private static string Inline(JToken? value) => value is JArray items ? string.Join(", ", items.Select(Item)) : ValueText.Format(value);

    private static string Item(JToken item) => item is JValue { Type: JTokenType.String } s ? (string)s.Value! : ValueText.Format(item);

    private static string Value(JToken? value, bool bytes) =>
        bytes && value is JValue { Type: JTokenType.Integer } number ? Bytes(number.Value<long>()) : Inline(value);

    /// <summary>A byte count in the largest binary unit that holds it exactly; otherwise rounded, with the exact count beside it.</summary>
    public static string Bytes(long bytes)
    {
        var unit = 0;
        var exact = bytes;
        while (unit < BinaryUnits.Length - 1 && exact != 0 && exact % 1024 == 0)
        {
            exact /= 1024;
            unit++;
        }

        if (unit > 0 || bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{exact} {BinaryUnits[unit]}");
        }

        var scaled = (double)bytes;
        unit = 0;
        while (scaled >= 1024 && unit < BinaryUnits.Length - 1)
        {
            scaled /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{scaled:0.##} {BinaryUnits[unit]} ({bytes} bytes)");
    }

    private static bool IsAbsent(JToken? value) => value is null || value.Type == JTokenType.Null;
}
