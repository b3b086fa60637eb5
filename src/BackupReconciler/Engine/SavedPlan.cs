using System.Globalization;
using System.Security.Cryptography;
using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using BackupReconciler.Input.Json;

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
            run.Resources.Where(r => r.Differences.Count > 0).Select(r => new PlannedResource(r.Id, [.. r.Differences.Select(PlannedDifference.Of)])).ToList());
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
            ["differences"] = new JArray(r.Differences.Select(d => d.ToJson())),
        })),
    };

    public static SavedPlan Load(string path)
    {
        var reader = JsonObjectReader.ForObject(JsonFileReader.ReadTree(path, MaxFileBytes, out _), path, "the saved plan");
        if (reader.OptionalInteger("planVersion", 0, int.MaxValue) != Version)
        {
            throw reader.Error(reader.Json["planVersion"], $"this is not a plan this build wrote (planVersion {Version}); make a new one with plan --save-plan.");
        }

        var plan = new SavedPlan(
            reader.RequiredString("baseline"),
            reader.RequiredString("digest"),
            reader.RequiredString("host"),
            reader.RequiredString("createdAt"),
            reader.OptionalObject("variables", "\"variables\"") is { } variables ? (JObject)variables.Json.ToToken() : [],
            ArrayOf(reader, "resources").Select(item =>
            {
                var resource = JsonObjectReader.ForObject(item, path, "a planned resource");
                var differences = ArrayOf(resource, "differences").Select(d => ReadDifference(d, path)).ToList();
                var planned = new PlannedResource(resource.RequiredString("id"), differences);
                resource.RejectUnknownMembers();
                return planned;
            }).ToList());
        if (plan.Resources.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw reader.Error(reader.Json["resources"], $"the saved plan lists the resource \"{twice.Key}\" {twice.Count()} times, which plan --save-plan never writes; make a new plan.");
        }

        reader.RejectUnknownMembers();
        return plan;
    }

    /// <summary>Each action a report writes, by the name it writes (<see cref="DifferenceJson.ActionName"/>).</summary>
    private static readonly EnumNames<DifferenceAction> ActionNames =
        new([.. Enum.GetValues<DifferenceAction>().Select(a => (DifferenceJson.ActionName(a), a))]);

    /// <summary>A member that must be an array when present: anything else is an error, not an empty list the plan never held.</summary>
    private static IReadOnlyList<JsonItem> ArrayOf(JsonObjectReader reader, string name) => reader.Optional(name) switch
    {
        null => [],
        JsonArrayItem array => array,
        var other => throw reader.Error(other, $"\"{name}\" of {reader.Subject} must be an array [ ... ]; found {JsonObjectReader.Describe(other)}."),
    };

    /// <summary>
    /// One recorded difference, read strictly: an action apply would read loosely (a typo taken for "change")
    /// or a member it ignores would let an edited plan say something else than what apply then does.
    /// </summary>
    private static PlannedDifference ReadDifference(JsonItem item, string path)
    {
        var difference = JsonObjectReader.ForObject(item, path, "a planned difference");
        var planned = new PlannedDifference(
            difference.RequiredString("property"),
            difference.Optional("actual")?.ToToken(),
            difference.Optional("desired")?.ToToken(),
            difference.RequiredEnum("action", ActionNames));
        difference.RejectUnknownMembers();
        return planned;
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
    /// Refuses, naming the file and each resource, when a fresh what-if of the baseline no longer shows the plan's
    /// differences: apply then changes nothing, and apply --what-if says so instead of showing changes apply would refuse.
    /// </summary>
    public void EnsureStillMatches(RunResult now, string path, SecretRedactor secrets, bool whatIf)
    {
        if (Moved(now, secrets) is { Count: > 0 } moved)
        {
            throw new InputException(null,
                $"what apply would do now no longer matches the saved plan {path} ({CreatedAt}): the host changed or the plan was edited, so {(whatIf ? "apply --plan would apply nothing" : "nothing was applied")}: {string.Join("; ", moved)}. Make a new plan.");
        }
    }

    /// <summary>
    /// What moved between the plan and a fresh what-if of the same baseline: resources and properties
    /// whose actual or desired values differ now, or that drift now and did not then. Empty = apply may go on.
    /// </summary>
    public IReadOnlyList<string> Moved(RunResult now, SecretRedactor secrets)
    {
        static bool SameDifferences(IReadOnlyList<PlannedDifference> then, IReadOnlyList<Difference> current, SecretRedactor secrets)
        {
            // A property may have several differences (one per missing account): each must be matched by one of the plan's.
            var unmatched = then.ToList();
            foreach (var difference in current)
            {
                // The action too: a plan that says "manual" (left alone) where apply would change is not this apply's plan.
                var match = unmatched.FindIndex(p => p.Action == difference.Action && PlannedDifference.Same(difference.Actual, p.Actual, secrets) && PlannedDifference.Same(difference.Desired, p.Desired, secrets));
                if (match < 0)
                {
                    return false;
                }

                unmatched.RemoveAt(match);
            }

            return unmatched.Count == 0;
        }

        var moved = new List<string>();
        var planned = Resources.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var resource in now.Resources)
        {
            if (resource.Status is ResourceStatus.Failed or ResourceStatus.Skipped)
            {
                moved.Add($"{resource.Id}: cannot be checked now ({resource.Error})");
                continue;
            }

            var then = (planned.TryGetValue(resource.Id, out var p) ? p.Differences : []).ToLookup(d => d.Property, StringComparer.OrdinalIgnoreCase);
            var current = resource.Differences.ToLookup(d => d.Property, StringComparer.OrdinalIgnoreCase);
            var changed = then.Select(g => g.Key).Union(current.Select(g => g.Key), StringComparer.OrdinalIgnoreCase)
                .Where(property => !SameDifferences([.. then[property]], [.. current[property]], secrets))
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
public sealed record PlannedResource(string Id, IReadOnlyList<PlannedDifference> Differences);

/// <summary>
/// A difference as a saved plan records it: its values as <see cref="DifferenceValue.ToJson"/> wrote them
/// (secrets masked), read back against a fresh difference's typed values when the plan is applied.
/// </summary>
public sealed record PlannedDifference(string Property, JToken? Actual, JToken? Desired, DifferenceAction Action)
{
    public static PlannedDifference Of(Difference difference) =>
        new(difference.Property, difference.Actual?.ToJson(), difference.Desired?.ToJson(), difference.Action);

    /// <summary>The report's words for a difference (<see cref="DifferenceJson.Core(Difference)"/>), without the report's extras.</summary>
    public JObject ToJson() => DifferenceJson.Core(Property, Actual?.DeepClone(), Desired?.DeepClone(), Action);

    /// <summary>
    /// Whether a fresh value is the one the plan recorded: read back as the fresh value's own kind and compared
    /// by value. A value that holds a secret was recorded masked, so it is compared masked.
    /// </summary>
    public static bool Same(DifferenceValue? now, JToken? recorded, SecretRedactor secrets)
    {
        if (now is null || recorded is null)
        {
            return now is null && recorded is null;
        }

        var json = now.ToJson();
        var masked = secrets.RedactJson(json);
        return JToken.DeepEquals(masked, json) ? now.IsRecordedAs(recorded) : JToken.DeepEquals(masked, recorded);
    }
}
