using System.Text.RegularExpressions;
using BackupReconciler.Input;
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
    public Baseline Load(string path, VariableInputs inputs, IReadOnlyDictionary<string, string> facts, SecretRedactor? secrets = null)
    {
        var documents = new List<Document>();
        LoadDocument(Path.GetFullPath(path), Path.GetDirectoryName(Path.GetFullPath(path))!, documents, [], path);
        var root = documents[0];

        var parameters = ReadParameters(documents);
        var binder = VariableBinder.Create(parameters, inputs, facts);
        var secretValues = SecretValues(parameters, inputs, binder);
        secrets?.Add(secretValues);

        var resources = new List<ResourceDeclaration>();
        var owners = new Dictionary<string, Document>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents)
        {
            foreach (var (token, declaration) in ReadResources(document, binder, secrets))
            {
                if (owners.TryGetValue(declaration.Id, out var first))
                {
                    throw new InputException(JsonObjectReader.Locate(token, document.DisplayPath),
                        first == document
                            ? $"the id \"{declaration.Id}\" is used twice (ids ignore case); give each resource its own id."
                            : $"the id \"{declaration.Id}\" is already used in {first.DisplayPath}; ids must be unique across a baseline and its includes, rename one.");
                }

                owners[declaration.Id] = document;
                resources.Add(declaration);
            }
        }

        CheckDependencies(resources);
        ConflictCheck.Check(resources);
        return new Baseline(root.Name ?? Path.GetFileNameWithoutExtension(path), root.Description, path, resources, parameters)
        {
            Files = documents.Select(d => d.FullPath).ToList(),
            SecretValues = secretValues,
        };
    }

    /// <summary>
    /// The values of secret variables, refused when they cannot be masked: too short (masking would mask
    /// ordinary text and still tell the secret away) or a boolean (its text is true or false, in every report).
    /// </summary>
    private static List<string> SecretValues(IReadOnlyDictionary<string, ParameterDefinition> parameters, VariableInputs inputs, VariableBinder binder)
    {
        var values = new List<string>();
        foreach (var name in parameters.Values.Where(p => p.Secret).Select(p => p.Name).Concat(inputs.SecretNames).Where(binder.Values.ContainsKey))
        {
            var json = binder.Values[name].Json;
            var location = parameters.GetValueOrDefault(name)?.Location;
            if (json.Type == JTokenType.Boolean)
            {
                throw new InputException(location,
                    $"the secret variable \"{name}\" is a boolean; a yes-or-no value cannot be masked without masking every yes and no in the reports, and tells nothing worth hiding; do not mark it secret.");
            }

            foreach (var value in json is JArray items ? items.Select(i => i.ToString()) : [binder.Values[name].AsText()])
            {
                if (value.Length < MinimumSecretLength)
                {
                    throw new InputException(location,
                        $"the secret variable \"{name}\" has a value shorter than {MinimumSecretLength} characters, too short to mask reliably in logs and reports; use a real secret or do not mark it secret.");
                }

                values.Add(value);
            }
        }

        return values;
    }

    private void LoadDocument(string fullPath, string rootDirectory, List<Document> documents, List<string> chain, string displayPath)
    {
        if (documents.Any(d => d.FullPath.Equals(fullPath, StringComparison.OrdinalIgnoreCase)))
        {
            return; // included twice through different files: its resources count once
        }

        var reader = JsonObjectReader.ForObject(JsonFileReader.Read(fullPath, MaxFileBytes), displayPath, "the baseline");
        reader.Optional("$schema");
        var name = reader.OptionalString("name");
        var description = reader.OptionalString("description");
        if (chain.Count == 0 && name is null)
        {
            throw new InputException(reader.Location, "the baseline has no \"name\"; add \"name\": \"...\" (it appears in every report).");
        }

        var includes = reader.OptionalStringList("include") ?? [];
        var document = new Document(fullPath, displayPath, reader, name, description);
        documents.Add(document);
        reader.Optional("parameters");
        reader.Optional("resources");
        reader.RejectUnknownMembers();

        var includeTokens = reader.Json["include"] is JArray array ? array.ToList() : [reader.Json["include"]!];
        for (var i = 0; i < includes.Count; i++)
        {
            var include = includes[i];
            var token = includeTokens.Count > i ? includeTokens[i] : reader.Json;

            // Baselines are written for Windows: a backslash separates folders on every system this runs on.
            var relative = include.Replace('\\', '/');
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath)!, relative));
            // Judged where the file really is: a link inside the folder may lead out of it.
            if (Path.IsPathRooted(relative) || IsWindowsRooted(include) || !InputFile.IsInside(InputFile.RealPath(target), InputFile.RealPath(rootDirectory)))
            {
                throw reader.Error(token, $"the include \"{include}\" leaves the baseline's folder ({rootDirectory}); include files from that folder or below, by relative path.");
            }

            if (chain.Contains(target, StringComparer.OrdinalIgnoreCase) || target.Equals(fullPath, StringComparison.OrdinalIgnoreCase))
            {
                throw reader.Error(token, $"the include \"{include}\" includes a file that is already including it (a cycle); remove one of the includes.");
            }

            if (!File.Exists(target))
            {
                throw reader.Error(token, $"the include \"{include}\" does not exist (looked for {target}); correct the path, relative to this file.");
            }

            LoadDocument(target, rootDirectory, documents, [.. chain, fullPath], Path.Combine(Path.GetDirectoryName(displayPath) ?? "", include));
        }
    }

    /// <summary>Absolute as Windows reads it, whatever system this runs on: <c>C:\x</c>, <c>C:x</c>, <c>\x</c>, <c>\\server\share</c>.</summary>
    private static bool IsWindowsRooted(string path) =>
        path.StartsWith('\\') || path.StartsWith('/') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');

    private static Dictionary<string, ParameterDefinition> ReadParameters(IEnumerable<Document> documents)
    {
        var parameters = new Dictionary<string, ParameterDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents)
        {
            if (document.Reader.OptionalObject("parameters", "\"parameters\"") is not { } section)
            {
                continue;
            }

            foreach (var property in section.Json.Properties())
            {
                var parameter = ReadParameter(property, document.DisplayPath);
                if (parameters.TryGetValue(parameter.Name, out var earlier))
                {
                    if (earlier.Type != parameter.Type)
                    {
                        throw new InputException(parameter.Location,
                            $"parameter \"{parameter.Name}\" is declared as {parameter.Type.ToString().ToLowerInvariant()} here but as {earlier.Type.ToString().ToLowerInvariant()} at {earlier.Location}; declare it with one type.");
                    }

                    continue; // the including file's declaration (seen first) wins
                }

                parameters[parameter.Name] = parameter;
            }
        }

        return parameters;
    }

    private static ParameterDefinition ReadParameter(JProperty property, string file)
    {
        var reader = JsonObjectReader.ForObject(property.Value, file, $"parameter \"{property.Name}\"");
        if (!VariableNamePattern().IsMatch(property.Name))
        {
            throw reader.Error(property, $"\"{property.Name}\" is not a valid parameter name; use letters, digits and underscores, starting with a letter.");
        }

        var type = reader.OptionalEnum("type", ParameterTypes) ?? ParameterType.String;
        var description = reader.OptionalString("description");
        var secret = reader.OptionalBool("secret") ?? false;
        VariableValue? fallback = null;
        if (reader.Optional("default") is { } token)
        {
            if (VariableValue.IsBeyond64Bits(token))
            {
                throw reader.Error(token, $"the default of parameter \"{property.Name}\" is {VariableValue.Beyond64Bits}; give a smaller number.");
            }

            if (!VariableValue.Fits(token, type))
            {
                throw reader.Error(token, $"the default of parameter \"{property.Name}\" is {JsonObjectReader.Describe(token)}, which is not of its type {type.ToString().ToLowerInvariant()}; change the default or the type.");
            }

            fallback = new VariableValue(token.DeepClone());
        }

        reader.RejectUnknownMembers();
        return new ParameterDefinition(property.Name, type, fallback, description, JsonObjectReader.Locate(property, file), secret);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableNamePattern();

    private IEnumerable<(JToken Token, ResourceDeclaration Declaration)> ReadResources(Document document, VariableBinder binder, SecretRedactor? secrets)
    {
        if (document.Reader.Optional("resources") is not { } token)
        {
            yield break;
        }

        if (token is not JArray array)
        {
            throw document.Reader.Error(token, $"\"resources\" must be an array of resources [ {{ \"id\": ..., \"type\": ..., \"properties\": {{ ... }} }} ]; found {JsonObjectReader.Describe(token)}.");
        }

        for (var i = 0; i < array.Count; i++)
        {
            yield return (array[i], ReadResource(array[i], i, document.DisplayPath, binder, secrets));
        }
    }

    private ResourceDeclaration ReadResource(JToken token, int index, string file, VariableBinder binder, SecretRedactor? secrets)
    {
        var reader = JsonObjectReader.ForObject(token, file, $"resource #{index + 1}");
        var id = reader.RequiredString("id");
        if (!IdPattern().IsMatch(id))
        {
            throw reader.Error(reader.Json["id"], $"the id \"{id}\" has characters ids may not use; use letters, digits, '.', '-' and '_'.");
        }

        var subject = $"resource \"{id}\"";
        reader = new JsonObjectReader(reader.Json, file, subject);
        reader.Optional("id");
        var typeName = reader.RequiredString("type");
        if (!_catalog.TryGet(typeName, out var type))
        {
            throw reader.Error(reader.Json["type"],
                $"{subject} has the unknown type \"{typeName}\"{JsonObjectReader.Suggest(typeName, _catalog.Names)}; the types are: {string.Join(", ", _catalog.Names.Order(StringComparer.Ordinal))}.");
        }

        var reference = reader.OptionalString("reference");
        var why = reader.OptionalString("why");
        var mode = reader.OptionalEnum("mode", Modes) ?? ResourceMode.Enforce;
        var dependsOn = reader.OptionalStringList("dependsOn") ?? [];
        if (reader.Optional("restartServices") is { } restarts)
        {
            binder.Bind(restarts, file);
        }

        var restartServices = reader.OptionalStringList("restartServices") ?? [];
        var propertiesToken = reader.Required("properties", "{ ... }");
        binder.Bind(propertiesToken, file);
        var properties = JsonObjectReader.ForObject(propertiesToken, file, $"{subject} ({typeName})");
        reader.RejectUnknownMembers();
        var resource = type.Parse(properties);
        if (secrets is { HasSecrets: true } && secrets.Reveals(propertiesToken.ToString(Newtonsoft.Json.Formatting.None)))
        {
            resource = new SecretBoundResource(resource, secrets);
        }

        return new ResourceDeclaration(id, resource, mode, dependsOn, restartServices, reference, why, reader.Location);
    }

    private static void CheckDependencies(IReadOnlyList<ResourceDeclaration> resources)
    {
        var ids = resources.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in resources)
        {
            foreach (var dependency in resource.DependsOn)
            {
                if (dependency.Equals(resource.Id, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InputException(resource.Location, $"resource \"{resource.Id}\" depends on itself; remove \"{dependency}\" from its dependsOn.");
                }

                if (!ids.Contains(dependency))
                {
                    throw new InputException(resource.Location,
                        $"resource \"{resource.Id}\" depends on \"{dependency}\", which no resource has as id{JsonObjectReader.Suggest(dependency, ids)}; correct the id or remove it from dependsOn.");
                }
            }
        }

        var (_, cycle) = DependencyOrder.Sort(resources, r => r.Id, r => r.DependsOn);
        if (cycle is not null)
        {
            var first = resources.First(r => r.Id.Equals(cycle[0], StringComparison.OrdinalIgnoreCase));
            throw new InputException(first.Location,
                $"the dependsOn of these resources form a cycle: {string.Join(" → ", cycle)}; remove one of these dependencies.");
        }
    }

    private sealed record Document(string FullPath, string DisplayPath, JsonObjectReader Reader, string? Name, string? Description);
}
