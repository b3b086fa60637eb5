using System.Globalization;
using System.Security.Cryptography;
using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Engine;

/// <summary>
/// A plan kept for later (<c>plan --save-plan</c>): the baseline's digest, the variables it was bound
/// with, the host, and every difference with the actual value seen. <c>apply --plan</c> applies exactly
/// these changes, and refuses when the baseline or the host no longer match what the plan saw.
/// </summary>
public sealed record SavedPlan(string Baseline, string Digest, string Host, string CreatedAt, JObject Variables, IReadOnlyList<PlannedResource> Resources)
{
    public const int Version = 1;

    /// <summary>Hard limit: a plan of a large DPM server is a few hundred kilobytes.</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    public static SavedPlan From(RunResult run, Baseline baseline, VariableInputs variables)
    {
        var recorded = RecordedVariables(variables, baseline.Parameters.Values.Where(p => p.Secret).Select(p => p.Name).Concat(variables.SecretNames).ToHashSet(StringComparer.OrdinalIgnoreCase));
        return new(
            baseline.Name,
            DigestOf(baseline, recorded),
            run.Host,
            run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            recorded,
            run.Resources.Where(r => r.Differences.Count > 0).Select(r => new PlannedResource(r.Id, r.Differences)).ToList());
    }

    /// <summary>Refuses a plan made on another host or for another version of the baseline.</summary>
    public void EnsureFits(Baseline baseline, Host.IHost host, string path)
    {
        if (!Host.Equals(host.ComputerName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(null, $"the saved plan {path} was made for {Host}, not {host.ComputerName}; make a plan on this host.");
        }

        if (DigestOf(baseline, Variables) is var digest && digest != Digest)
        {
            throw new InputException(null, $"the baseline or the plan's variables changed since the plan {path} was saved ({Shown(Digest)} then, {Shown(digest)} now); make a new plan.");
        }
    }

    private static string Shown(string digest) => (digest.Length > 19 ? digest[..19] : digest) + "…";

    /// <summary>
    /// SHA-256 over every file of the baseline (root and includes, in load order), each with its name, and
    /// the variables the plan records: an edited variable changes what apply would do as much as an edited file.
    /// </summary>
    public static string DigestOf(Baseline baseline, JObject variables)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = Path.GetDirectoryName(baseline.Files[0])!;
        foreach (var file in baseline.Files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        var ordered = new JObject(variables.Properties().OrderBy(p => p.Name.ToUpperInvariant(), StringComparer.Ordinal).Select(p => new JProperty(p.Name.ToUpperInvariant(), p.Value)));
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes("variables\n" + ordered.ToString(Formatting.None)));
        return "sha256:" + Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The variables given for the run (command line, then the --vars file); secrets are never written.</summary>
    private static JObject RecordedVariables(VariableInputs variables, HashSet<string> secret)
    {
        var recorded = new JObject();
        foreach (var (name, text) in variables.CommandLine.Where(v => !secret.Contains(v.Key)))
        {
            if (recorded[name] is null)
            {
                recorded[name] = text;
            }
        }

        foreach (var (name, (value, _)) in variables.ReadFile())
        {
            if (recorded.Properties().All(p => !p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) && !secret.Contains(name))
            {
                recorded[name] = value.DeepClone();
            }
        }

        return recorded;
    }

    public JObject ToJson() => new()
    {
        ["planVersion"] = Version,
        ["baseline"] = Baseline,
        ["digest"] = Digest,
        ["host"] = Host,
        ["createdAt"] = CreatedAt,
        ["variables"] = Variables.DeepClone(),
        ["resources"] = new JArray(Resources.Select(r => new JObject
        {
            ["id"] = r.Id,
            ["differences"] = new JArray(r.Differences.Select(d => new JObject
            {
                ["property"] = d.Property,
                ["actual"] = d.Actual?.DeepClone(),
                ["desired"] = d.Desired?.DeepClone(),
                ["action"] = DifferenceJson.ActionName(d.Action),
            })),
        })),
    };

    public static SavedPlan Load(string path)
    {
        var reader = JsonObjectReader.ForObject(JsonFileReader.Read(path, MaxFileBytes), path, "the saved plan");
        if (reader.OptionalInteger("planVersion", 0, int.MaxValue) != Version)
        {
            throw reader.Error(reader.Json["planVersion"], $"this is not a plan this build wrote (planVersion {Version}); make a new one with plan --save-plan.");
        }

        var plan = new SavedPlan(
            reader.RequiredString("baseline"),
            reader.RequiredString("digest"),
            reader.RequiredString("host"),
            reader.RequiredString("createdAt"),
            reader.OptionalObject("variables", "\"variables\"")?.Json ?? [],
            (reader.Optional("resources") as JArray ?? []).Select(item =>
            {
                var resource = JsonObjectReader.ForObject(item, path, "a planned resource");
                var differences = (resource.Optional("differences") as JArray ?? []).Select(d => new Difference(
                    (string)d["property"]!,
                    d["actual"] is { Type: not JTokenType.Null } actual ? actual : null,
                    d["desired"] is { Type: not JTokenType.Null } desired ? desired : null)).ToList();
                var planned = new PlannedResource(resource.RequiredString("id"), differences);
                resource.RejectUnknownMembers();
                return planned;
            }).ToList());
        reader.RejectUnknownMembers();
        return plan;
    }

    /// <summary>Masked value by value (an integer secret becomes "***"), so the plan stays JSON that apply --plan reads.</summary>
    public void Save(string path, SecretRedactor secrets) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(secrets.RedactJson(ToJson()).ToString(Formatting.Indented));
            writer.Write('\n');
        });

    /// <summary>
    /// What moved between the plan and a fresh what-if of the same baseline: resources and properties
    /// whose actual or desired values differ now, or that drift now and did not then. Empty = apply may go on.
    /// </summary>
    public IReadOnlyList<string> Moved(RunResult now, SecretRedactor secrets)
    {
        // The plan was written through the same value-by-value redaction, so both sides compare masked.
        static string Text(JToken? value, SecretRedactor secrets) => value is null ? "" : secrets.RedactJson(value).ToString(Formatting.None);
        static Dictionary<string, string> Keys(IEnumerable<Difference> differences, SecretRedactor secrets) =>
            differences.GroupBy(d => d.Property, StringComparer.OrdinalIgnoreCase).ToDictionary(
                g => g.Key,
                g => string.Join("\n", g.Select(d => $"{Text(d.Actual, secrets)} → {Text(d.Desired, secrets)}").Order(StringComparer.Ordinal)),
                StringComparer.OrdinalIgnoreCase);

        var moved = new List<string>();
        var planned = Resources.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var resource in now.Resources)
        {
            if (resource.Status is ResourceStatus.Failed or ResourceStatus.Skipped)
            {
                moved.Add($"{resource.Id}: cannot be checked now ({resource.Error})");
                continue;
            }

            var then = Keys(planned.TryGetValue(resource.Id, out var p) ? p.Differences : [], secrets);
            var current = Keys(resource.Differences, secrets);
            var changed = then.Keys.Union(current.Keys, StringComparer.OrdinalIgnoreCase)
                .Where(property => then.GetValueOrDefault(property) != current.GetValueOrDefault(property))
                .ToList();
            if (changed.Count > 0)
            {
                moved.Add($"{resource.Id}: {string.Join(", ", changed)} differ from the plan");
            }
        }

        moved.AddRange(planned.Keys.Where(id => now.Resources.All(r => !r.Id.Equals(id, StringComparison.OrdinalIgnoreCase)))
            .Select(id => $"{id}: in the plan but not in the baseline"));
        return moved;
    }
}

/// <summary>The differences a saved plan recorded for one resource.</summary>
public sealed record PlannedResource(string Id, IReadOnlyList<Difference> Differences);
