using System.Text.RegularExpressions;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Resources;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Baselines;

/// <summary>
/// Loads a baseline and its includes, binds variables and validates everything before anything is
/// read or changed. Every problem is one <see cref="InputException"/> naming file, line, column and the fix.
/// </summary>
public sealed partial class BaselineLoader
{
    /// <summary>Far above any real baseline (the shipped ones are a few kilobytes); keeps a hostile file from eating memory.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Shorter secrets cannot be masked without masking ordinary text with them.</summary>
    public const int MinimumSecretLength = 4;

    private static readonly EnumNames<ResourceMode> Modes = new(("enforce", ResourceMode.Enforce), ("audit", ResourceMode.Audit));

    private static readonly EnumNames<ParameterType> ParameterTypes = new(
        ("string", ParameterType.String), ("array", ParameterType.Array), ("integer", ParameterType.Integer), ("boolean", ParameterType.Boolean));

    private readonly ResourceCatalog _catalog;

    public BaselineLoader(ResourceCatalog catalog)
    {
        _catalog = catalog;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    /// <param name="secrets">
    /// Told every secret value as soon as the variables are bound, before any later check can quote one in
    /// an error; resources set from a secret tell it the host's old value too (a rotated secret).
    /// </param>
    /// <exception cref="InputException">The first problem found: a baseline with any error is never returned, so nothing is half-applied.</exception>
    public Baseline Load(string path, VariableInputs inputs, IReadOnlyDictionary<string, string> facts, SecretRedactor? secrets = null)
    {
        var check = Check(path, inputs, facts, secrets, forValidate: false);
        return check.Errors.FirstOrDefault() is { } first ? throw first.ToException() : check.Baseline!;
    }

    /// <summary>
    /// Checks a baseline and its includes and records every problem, going on wherever the rest can still be
    /// judged on its own; what cannot be judged because of an earlier problem is not reported (no follow-on errors).
    /// </summary>
    /// <param name="forValidate">
    /// <c>validate</c>, which reads no host and needs no vars: a required parameter without a value is a warning, and
    /// a file without a name is a fragment (an include file) whose undeclared variables and outside dependencies are warnings.
    /// </param>
    public BaselineCheck Check(string path, VariableInputs inputs, IReadOnlyDictionary<string, string> facts, SecretRedactor? secrets = null, bool forValidate = true)
    {
        var problems = new ProblemList();
        var documents = new List<Document>();
        var complete = LoadDocument(Path.GetFullPath(path), Path.GetDirectoryName(Path.GetFullPath(path))!, documents, [], path, problems, forValidate);
        if (documents.Count == 0)
        {
            return new BaselineCheck(null, problems.All) { NotListed = problems.NotKept };
        }

        var root = documents[0];
        var fragment = root.Name is null && forValidate;
        var (parameters, broken, declarationsComplete) = ReadParameters(documents, problems);
        var rules = new BindingRules
        {
            MissingValuesAreWarnings = forValidate,
            UndeclaredAreWarnings = fragment,
            DeclarationsIncomplete = !complete || !declarationsComplete,
            Broken = broken,
        };
        var binder = VariableBinder.Create(parameters, inputs, facts, rules, problems);
        var secretValues = SecretValues(parameters, inputs, binder, problems, out var secretsMaskable);
        secrets?.Add(secretValues);
        var files = documents.Select(d => d.DisplayPath).ToList();
        if (!secretsMaskable)
        {
            // A secret that cannot be masked must not reach a message about a resource: stop before reading them.
            return new BaselineCheck(null, problems.All) { Name = root.Name, IsFragment = fragment, Files = files, NotListed = problems.NotKept };
        }

        var resources = new List<ResourceDeclaration>();
        var headers = new List<ResourceHeader>();
        var idsComplete = complete;
        var owners = new Dictionary<string, Document>(StringComparer.OrdinalIgnoreCase);
        var unknownValues = new HashSet<ResourceDeclaration>();
        foreach (var document in documents)
        {
            idsComplete &= ReadResources(document, binder, secrets, problems, headers, resources, unknownValues, owners);
        }

        if (idsComplete && !rules.DeclarationsIncomplete && !fragment)
        {
            binder.CheckMisspeltInputs(parameters, binder.Referenced);
        }

        CheckDependencies(headers, idsComplete, fragment, problems);
        foreach (var conflict in ConflictCheck.Find(resources.Where(r => !unknownValues.Contains(r)).ToList()))
        {
            problems.Error(conflict);
        }

        // A stand-in value (validate without vars) is never a baseline to run, even when nothing is wrong.
        var baseline = problems.HasErrors || binder.HasUnknown || fragment
            ? null
            : new Baseline(root.Name ?? Path.GetFileNameWithoutExtension(path), root.Description, path, resources, parameters)
            {
                Files = documents.Select(d => d.FullPath).ToList(),
                SecretValues = secretValues,
            };
        return new BaselineCheck(baseline, problems.All) { Name = root.Name, IsFragment = fragment, ResourceCount = headers.Count, Files = files, NotListed = problems.NotKept };
    }

    /// <summary>
    /// The values of secret variables, refused when they cannot be masked: too short (masking would mask
    /// ordinary text and still tell the secret away) or a boolean (its text is true or false, in every report).
    /// </summary>
    private static List<string> SecretValues(IReadOnlyDictionary<string, ParameterDefinition> parameters, VariableInputs inputs, VariableBinder binder, ProblemList problems, out bool maskable)
    {
        maskable = true;
        var values = new List<string>();
        foreach (var name in parameters.Values.Where(p => p.Secret).Select(p => p.Name).Concat(inputs.SecretNames).Where(binder.Values.ContainsKey).Where(n => !binder.IsUnknown(n)))
        {
            var json = binder.Values[name].Json;
            var location = parameters.GetValueOrDefault(name)?.Location;
            if (json.Type == JTokenType.Boolean)
            {
                problems.Error(new InputException(location,
                    $"the secret variable \"{name}\" is a boolean; a yes-or-no value cannot be masked without masking every yes and no in the reports, and tells nothing worth hiding; do not mark it secret."));
                maskable = false;
                continue;
            }

            foreach (var value in json is JArray items ? items.Select(i => i.ToString()) : [binder.Values[name].AsText()])
            {
                if (value.Length < MinimumSecretLength)
                {
                    problems.Error(new InputException(location,
                        $"the secret variable \"{name}\" has a value shorter than {MinimumSecretLength} characters, too short to mask reliably in logs and reports; use a real secret or do not mark it secret."));
                    maskable = false;
                    break;
                }

                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>Reads one file and, depth first, its includes; false when it or an include could not be read whole (what it declares is then not all known).</summary>
    private static bool LoadDocument(string fullPath, string rootDirectory, List<Document> documents, List<string> chain, string displayPath, ProblemList problems, bool forValidate)
    {
        if (documents.Any(d => d.FullPath.Equals(fullPath, StringComparison.OrdinalIgnoreCase)))
        {
            return true; // included twice through different files: its resources count once
        }

        var reader = problems.Try(() => JsonObjectReader.ForObject(JsonFileReader.ReadTree(fullPath, MaxFileBytes, out _), displayPath, "the baseline"));
        if (reader is null)
        {
            return false;
        }

        var complete = true;
        reader.Optional("$schema");
        var name = problems.Try(() => reader.OptionalString("name"));
        var description = problems.Try(() => reader.OptionalString("description"));
        if (chain.Count == 0 && reader.Optional("name") is null && !forValidate)
        {
            problems.Error(new InputException(reader.Location, "the baseline has no \"name\"; add \"name\": \"...\" (it appears in every report)."));
        }

        var includes = ReadIncludes(reader, problems, ref complete);
        var document = new Document(fullPath, displayPath, reader, name, description);
        documents.Add(document);
        reader.Optional("parameters");
        reader.Optional("resources");
        problems.Try(reader.RejectUnknownMembers);

        foreach (var (include, token) in includes)
        {
            // Baselines are written for Windows: a backslash separates folders on every system this runs on.
            var relative = include.Replace('\\', '/');
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath)!, relative));
            var judged = problems.Try(() => (Problem: IncludeProblem(include, relative, target, fullPath, rootDirectory, chain), Judged: true));
            if (!judged.Judged || judged.Problem is not null)
            {
                if (judged.Problem is not null)
                {
                    problems.Error(reader.Error(token, judged.Problem));
                }

                complete = false;
                continue;
            }

            complete &= LoadDocument(target, rootDirectory, documents, [.. chain, fullPath], Path.Combine(Path.GetDirectoryName(displayPath) ?? "", include), problems, forValidate);
        }

        return complete;
    }

    /// <summary>The includes that are readable names, each with its token; an entry that is not is recorded and the others are kept.</summary>
    private static List<(string Include, JsonItem Token)> ReadIncludes(JsonObjectReader reader, ProblemList problems, ref bool complete)
    {
        var includes = new List<(string, JsonItem)>();
        var token = reader.Optional("include");
        IEnumerable<JsonItem> entries = token switch
        {
            null => [],
            JsonArrayItem array => array,
            JsonStringItem => [token],
            _ => [],
        };
        if (token is not null and not JsonArrayItem and not JsonStringItem)
        {
            problems.Error(reader.Error(token, $"\"include\" of {reader.Subject} must be an array of strings; found {JsonObjectReader.Describe(token)}."));
            complete = false;
        }

        foreach (var entry in entries)
        {
            if (problems.Try(() => reader.AsString(entry, "include")) is { } include)
            {
                includes.Add((include, entry));
            }
            else
            {
                complete = false;
            }
        }

        return includes;
    }

    private static string? IncludeProblem(string include, string relative, string target, string fullPath, string rootDirectory, List<string> chain)
    {
        // Judged where the file really is: a link inside the folder may lead out of it.
        if (Path.IsPathRooted(relative) || IsWindowsRooted(include) || !InputFile.IsInside(InputFile.RealPath(target), InputFile.RealPath(rootDirectory)))
        {
            return $"the include \"{include}\" leaves the baseline's folder ({rootDirectory}); include files from that folder or below, by relative path.";
        }

        if (chain.Contains(target, StringComparer.OrdinalIgnoreCase) || target.Equals(fullPath, StringComparison.OrdinalIgnoreCase))
        {
            return $"the include \"{include}\" includes a file that is already including it (a cycle); remove one of the includes.";
        }

        return File.Exists(target) ? null : $"the include \"{include}\" does not exist (looked for {target}); correct the path, relative to this file.";
    }

    /// <summary>Absolute as Windows reads it, whatever system this runs on: <c>C:\x</c>, <c>C:x</c>, <c>\x</c>, <c>\\server\share</c>.</summary>
    private static bool IsWindowsRooted(string path) =>
        path.StartsWith('\\') || path.StartsWith('/') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');

    /// <summary>
    /// Every parameter declared, the including file's declaration first; the names of those declared with an
    /// error (their uses are then not judged); false when a parameters section could not be read at all.
    /// </summary>
    private static (Dictionary<string, ParameterDefinition> Parameters, HashSet<string> Broken, bool Complete) ReadParameters(IEnumerable<Document> documents, ProblemList problems)
    {
        var parameters = new Dictionary<string, ParameterDefinition>(StringComparer.OrdinalIgnoreCase);
        var broken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var complete = true;
        foreach (var document in documents)
        {
            JsonObjectReader? section = null;
            complete &= problems.Try(() => { section = document.Reader.OptionalObject("parameters", "\"parameters\""); });
            if (section is null)
            {
                continue;
            }

            var declaredHere = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in section.Json.Members)
            {
                var before = problems.ErrorCount;
                var parameter = ReadParameter(property, document.DisplayPath, problems);
                if (parameter is null)
                {
                    continue;
                }

                if (!declaredHere.Add(parameter.Name))
                {
                    // References ignore case, so "Port" and "port" are one variable: one of the two defaults would be silently dropped.
                    problems.Error(new InputException(parameter.Location,
                        $"parameter \"{parameter.Name}\" is declared twice in this file (names ignore case, as references do); keep one."));
                    continue;
                }

                var readWhole = problems.ErrorCount == before;
                if (!readWhole && !parameters.ContainsKey(parameter.Name))
                {
                    broken.Add(parameter.Name);
                }

                if (parameters.TryGetValue(parameter.Name, out var earlier))
                {
                    // A type read wrongly (here or in the earlier declaration) is already an error: no clash to tell.
                    if (earlier.Type != parameter.Type && readWhole && !broken.Contains(parameter.Name))
                    {
                        problems.Error(new InputException(parameter.Location,
                            $"parameter \"{parameter.Name}\" is declared as {parameter.Type.ToString().ToLowerInvariant()} here but as {earlier.Type.ToString().ToLowerInvariant()} at {earlier.Location}; declare it with one type."));
                    }

                    continue; // the including file's declaration (seen first) wins
                }

                parameters[parameter.Name] = parameter;
            }
        }

        return (parameters, broken, complete);
    }

    /// <summary>The parameter as far as it can be read (problems recorded); null only when its name is not a valid one (nothing can refer to it).</summary>
    private static ParameterDefinition? ReadParameter(JsonMember property, string file, ProblemList problems)
    {
        var reader = problems.Try(() => JsonObjectReader.ForObject(property.Value, file, $"parameter \"{property.Name}\""));
        if (!VariableNamePattern().IsMatch(property.Name))
        {
            problems.Error(new InputException(JsonObjectReader.Locate(property, file),
                $"\"{property.Name}\" is not a valid parameter name; use letters, digits and underscores, starting with a letter."));
            return null;
        }

        var location = JsonObjectReader.Locate(property, file);
        if (reader is null)
        {
            return new ParameterDefinition(property.Name, ParameterType.String, null, null, location);
        }

        ParameterType? type = null;
        var typeRead = problems.Try(() => { type = reader.OptionalEnum("type", ParameterTypes); });
        var description = problems.Try(() => reader.OptionalString("description"));
        var secret = problems.Try(() => reader.OptionalBool("secret")) ?? false;
        VariableValue? fallback = null;
        if (reader.Optional("default") is { } token && typeRead)
        {
            var declared = type ?? ParameterType.String;
            var json = token.ToToken();
            if (VariableValue.IsBeyond64Bits(json))
            {
                problems.Error(reader.Error(token, $"the default of parameter \"{property.Name}\" is {VariableValue.Beyond64Bits}; give a smaller number."));
            }
            else if (!VariableValue.Fits(json, declared))
            {
                // A secret's default is never quoted, even when it is of the wrong type (as VariableBinder says of its values).
                var described = secret ? "a value" : token is JsonArrayItem ? "an array holding something other than strings" : JsonObjectReader.Describe(token);
                problems.Error(reader.Error(token, $"the default of parameter \"{property.Name}\" is {described}, which is not of its type {declared.ToString().ToLowerInvariant()}; change the default or the type."));
            }
            else
            {
                fallback = new VariableValue(json);
            }
        }

        problems.Try(reader.RejectUnknownMembers);
        return new ParameterDefinition(property.Name, type ?? ParameterType.String, fallback, description, location, secret);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableNamePattern();

    /// <summary>
    /// Reads a document's resources, recording every problem: a resource with an error is left out of
    /// <paramref name="resources"/> but its id and dependencies (when readable) stay in <paramref name="headers"/>,
    /// so that what depends on it is not told its dependency is unknown. False when some resource's id could not be read.
    /// </summary>
    private bool ReadResources(
        Document document,
        VariableBinder binder,
        SecretRedactor? secrets,
        ProblemList problems,
        List<ResourceHeader> headers,
        List<ResourceDeclaration> resources,
        HashSet<ResourceDeclaration> unknownValues,
        Dictionary<string, Document> owners)
    {
        if (document.Reader.Optional("resources") is not { } token)
        {
            return true;
        }

        if (token is not JsonArrayItem array)
        {
            problems.Error(document.Reader.Error(token, $"\"resources\" must be an array of resources [ {{ \"id\": ..., \"type\": ..., \"properties\": {{ ... }} }} ]; found {JsonObjectReader.Describe(token)}."));
            return false;
        }

        var idsComplete = true;
        for (var i = 0; i < array.Count; i++)
        {
            var standIns = new HashSet<SourceLocation>();
            var (header, declaration) = ReadResource(array[i], i, document.DisplayPath, binder, secrets, problems, standIns);
            if (header is null)
            {
                idsComplete = false;
                continue;
            }

            headers.Add(header);
            if (owners.TryGetValue(header.Id, out var first))
            {
                problems.Error(new InputException(JsonObjectReader.Locate(array[i], document.DisplayPath),
                    first == document
                        ? $"the id \"{header.Id}\" is used twice (ids ignore case); give each resource its own id."
                        : $"the id \"{header.Id}\" is already used in {first.DisplayPath}; ids must be unique across a baseline and its includes, rename one."));
                continue;
            }

            owners[header.Id] = document;
            if (declaration is not null)
            {
                resources.Add(declaration);
                if (standIns.Count > 0)
                {
                    unknownValues.Add(declaration);
                }
            }
        }

        return idsComplete;
    }

    /// <summary>
    /// One resource: its header (null when its id cannot be read) and its declaration (null on any error).
    /// Past an unknown type its properties are not judged (no member of an unknown type is "unknown"); an error
    /// at a place where a variable without a known value landed is not reported (the value is a stand-in).
    /// </summary>
    private (ResourceHeader? Header, ResourceDeclaration? Declaration) ReadResource(
        JsonItem token, int index, string file, VariableBinder binder, SecretRedactor? secrets, ProblemList problems, HashSet<SourceLocation> standIns)
    {
        var reader = problems.Try(() => JsonObjectReader.ForObject(token, file, $"resource #{index + 1}"));
        if (reader is null)
        {
            return (null, null);
        }

        var errorsBefore = problems.ErrorCount;
        var id = problems.Try(() => reader.RequiredString("id"));
        if (id is not null && !IdPattern().IsMatch(id))
        {
            // Still its id for what refers to it: a dependency on it is not "unknown", only this id is wrong.
            problems.Error(reader.Error(reader.Json["id"], $"the id \"{id}\" has characters ids may not use; use letters, digits, '.', '-' and '_'."));
        }

        var subject = id is null ? $"resource #{index + 1}" : $"resource \"{id}\"";
        reader = new JsonObjectReader(reader.Json, file, subject);
        reader.Optional("id");
        var typeName = problems.Try(() => reader.RequiredString("type"));
        IResourceType? type = null;
        if (typeName is not null && !_catalog.TryGet(typeName, out type))
        {
            problems.Error(reader.Error(reader.Json["type"],
                $"{subject} has the unknown type \"{typeName}\"{JsonObjectReader.Suggest(typeName, _catalog.Names)}; the types are: {string.Join(", ", _catalog.Names.Order(StringComparer.Ordinal))}."));
        }

        var reference = problems.Try(() => reader.OptionalString("reference"));
        var why = problems.Try(() => reader.OptionalString("why"));
        var mode = problems.Try(() => reader.OptionalEnum("mode", Modes)) ?? ResourceMode.Enforce;
        var dependsOnRead = problems.Try(() => reader.OptionalStringList("dependsOn") ?? []);
        if (reader.Optional("restartServices") is not null)
        {
            Bind(reader.Json, "restartServices", binder, file, standIns);
        }

        var restartServices = problems.Try(() => reader.OptionalStringList("restartServices") ?? []);
        JToken? propertiesToken = null;
        JsonObjectReader? properties = null;
        if (problems.Try(() => reader.Required("properties", "{ ... }")) is not null)
        {
            propertiesToken = Bind(reader.Json, "properties", binder, file, standIns);
            properties = problems.Try(() => JsonObjectReader.ForObject(reader.Json["properties"]!, file, $"{subject} ({typeName})"));
        }

        problems.Try(reader.RejectUnknownMembers);
        IResource? resource = null;
        if (type is not null && properties is not null)
        {
            try
            {
                resource = type.Parse(properties);
            }
            catch (InputException e)
            {
                // A mistake where a stand-in value landed is the missing value's, already said (or a warning in validate).
                foreach (var problem in new[] { e }.Concat(e.Others).Where(p => p.Location is null || !standIns.Contains(p.Location)))
                {
                    problems.Error(new InputException(problem.Location, problem.Problem));
                }
            }
        }

        var header = id is null ? null : new ResourceHeader(id, dependsOnRead, reader.Location);
        if (header is null || resource is null || restartServices is null || dependsOnRead is null || problems.ErrorCount > errorsBefore)
        {
            return (header, null);
        }

        if (secrets is { HasSecrets: true } && secrets.Reveals(propertiesToken!.ToString(Newtonsoft.Json.Formatting.None)))
        {
            resource = new SecretBoundResource(resource, secrets);
        }

        return (header, new ResourceDeclaration(id!, resource, mode, dependsOnRead, restartServices, reference, why, reader.Location));
    }

    /// <summary>
    /// Binds the variables in the value of <paramref name="member"/> (the binder works in place on Newtonsoft's
    /// tree, which keeps each position, and the member's for spliced lists) and puts the bound value in its place.
    /// </summary>
    /// <returns>The bound value as Newtonsoft's tree.</returns>
    private static JToken Bind(JsonObjectItem resource, string member, VariableBinder binder, string file, ISet<SourceLocation> standIns)
    {
        var holder = new JsonObjectItem(resource.Line, resource.Column);
        holder.Add(resource.Member(member)!);
        var json = (JObject)holder.ToToken();
        binder.Bind(json[member]!, file, standIns);
        var bound = json.Property(member)!.Value;
        resource.Replace(member, JsonItem.FromToken(bound));
        return bound;
    }

    private static void CheckDependencies(IReadOnlyList<ResourceHeader> resources, bool idsComplete, bool fragment, ProblemList problems)
    {
        var ids = resources.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in resources)
        {
            foreach (var dependency in resource.DependsOn ?? [])
            {
                if (dependency.Equals(resource.Id, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Error(new InputException(resource.Location, $"resource \"{resource.Id}\" depends on itself; remove \"{dependency}\" from its dependsOn."));
                }
                else if (ids.Contains(dependency) || !idsComplete)
                {
                    continue; // known, or perhaps the id of a resource whose own id could not be read
                }
                else if (fragment)
                {
                    problems.Warning(resource.Location,
                        $"resource \"{resource.Id}\" depends on \"{dependency}\", which no resource in this file has as id{JsonObjectReader.Suggest(dependency, ids)}; the baseline that includes it must declare it.");
                }
                else
                {
                    problems.Error(new InputException(resource.Location,
                        $"resource \"{resource.Id}\" depends on \"{dependency}\", which no resource has as id{JsonObjectReader.Suggest(dependency, ids)}; correct the id or remove it from dependsOn."));
                }
            }
        }

        // Every cycle, not just the first: each found is set aside and the rest searched again. A resource
        // that depends on itself was said above; a duplicate id's later resource is left out (its id is an error already).
        var remaining = resources
            .Where(r => r.DependsOn is not null)
            .Select(r => r with { DependsOn = r.DependsOn!.Where(d => !d.Equals(r.Id, StringComparison.OrdinalIgnoreCase)).ToList() })
            .DistinctBy(r => r.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        // Each search is linear; past the problems kept, more cycles would only cost time (a hostile file may hold thousands).
        while (problems.ErrorCount < ProblemList.MostKept && DependencyOrder.Sort(remaining, r => r.Id, r => r.DependsOn!).Cycle is { } cycle)
        {
            var first = remaining.First(r => r.Id.Equals(cycle[0], StringComparison.OrdinalIgnoreCase));
            problems.Error(new InputException(first.Location,
                $"the dependsOn of these resources form a cycle: {string.Join(" → ", cycle)}; remove one of these dependencies."));
            var members = cycle.ToHashSet(StringComparer.OrdinalIgnoreCase);
            remaining = remaining.Where(r => !members.Contains(r.Id)).ToList();
        }
    }

    /// <summary>What others may refer to in a resource: its id and its dependencies (null when they could not be read).</summary>
    private sealed record ResourceHeader(string Id, IReadOnlyList<string>? DependsOn, SourceLocation Location);

    private sealed record Document(string FullPath, string DisplayPath, JsonObjectReader Reader, string? Name, string? Description);
}
