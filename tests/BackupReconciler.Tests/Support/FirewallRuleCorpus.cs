using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Support;

/// <summary>
/// The 64 real rule strings of Data/firewall-rules.jsonl, each with its mechanical split into fields
/// (repeated keys kept in order): the reference the parser's interpretation is checked against.
/// </summary>
public static class FirewallRuleCorpus
{
    private static readonly Lazy<IReadOnlyList<CorpusRule>> Loaded = new(Load);

    public static IReadOnlyList<CorpusRule> Rules => Loaded.Value;

    /// <summary>One row per rule, for [MemberData].</summary>
    public static TheoryData<int> Lines()
    {
        var data = new TheoryData<int>();
        for (var line = 1; line <= Rules.Count; line++)
        {
            data.Add(line);
        }

        return data;
    }

    private static List<CorpusRule> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "firewall-rules.jsonl");
        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select((line, index) =>
            {
                var json = JObject.Parse(line);
                var fields = ((JObject)json["fields"]!).Properties()
                    .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)p.Value.Values<string>().Select(v => v!).ToList(), StringComparer.Ordinal);
                return new CorpusRule(index + 1, (string)json["rule"]!, (string)json["version"]!, fields);
            })
            .ToList();
    }
}

/// <summary>A corpus line: its number (1-based), the rule string, its version and its fields.</summary>
public sealed record CorpusRule(int Line, string Text, string Version, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields)
{
    public string? Single(string key) => Fields.TryGetValue(key, out var values) ? values.Single() : null;
}
