using System.Text;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.RegFiles;

/// <summary>
/// A .reg file as a baseline: one registry resource per key, each value as the file sets it
/// (<c>{ kind, data }</c>) or deletes it (<c>{ ensure: absent }</c>), so that applying the baseline does what
/// merging the file does. A key the file names with no values is only created by merging; a registry
/// resource manages values, so such keys are listed in <see cref="Result.NotImported"/> instead.
/// </summary>
public static class RegFileBaseline
{
    public sealed record Result(JObject Baseline, IReadOnlyList<string> NotImported);

    public static Result From(RegFile file)
    {
        var source = Path.GetFileName(file.Path);
        var resources = new JArray();
        var notImported = new List<string>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in file.Keys)
        {
            if (section.Values.Count == 0)
            {
                notImported.Add($"{section.Key.FullName} (line {section.Line}) has no values: merging only creates the key, and a registry resource manages values");
                continue;
            }

            var values = new JObject();
            foreach (var (name, value) in section.Values)
            {
                values[name] = value?.ToJson() ?? new JObject { ["ensure"] = "absent" };
            }

            resources.Add(new JObject
            {
                ["id"] = UniqueId(section, ids),
                ["type"] = "registry",
                ["reference"] = $"{source} (line {section.Line})",
                ["why"] = $"imported from {source}: what merging it sets under this key",
                ["properties"] = new JObject { ["key"] = section.Key.FullName, ["values"] = values },
            });
        }

        var baseline = new JObject
        {
            ["name"] = Slug(Path.GetFileNameWithoutExtension(file.Path)) is { Length: > 0 } stem ? stem : "imported",
            ["description"] = $"imported from {source} by backup-reconciler import-reg: applying it sets and deletes the values merging the file would",
            ["resources"] = resources,
        };
        return new Result(baseline, notImported);
    }

    /// <summary>"reg-3-memory-management": the position and the key's last part, as a baseline id may be written.</summary>
    private static string UniqueId(RegKeySection section, HashSet<string> taken)
    {
        var last = section.Key.SubKey.Split('\\')[^1];
        var stem = Slug(last);
        var id = stem.Length == 0 ? "reg" : "reg-" + stem;
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
