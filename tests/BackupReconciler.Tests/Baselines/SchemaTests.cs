using BackupReconciler.Baselines;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Baselines;

/// <summary>
/// schemas/baseline.schema.json is for editors and CI; it must say what the loader says. Both are
/// given the same files: every shipped baseline, one resource of each type with every property,
/// and the same resources with an unknown member.
/// </summary>
public sealed class SchemaTests : IDisposable
{
    private static readonly string Schema = Repository.File("schemas/baseline.schema.json");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static JObject Examples() => JObject.Parse(File.ReadAllText(Repository.File("tests/BackupReconciler.Tests/Data/schema-examples.json")));

    [Fact]
    public void TheSchemaKnowsExactlyTheResourceTypesTheLoaderKnows()
    {
        var schemaTypes = JObject.Parse(File.ReadAllText(Schema))["$defs"]!["resource"]!["properties"]!["type"]!["enum"]!.Values<string>();

        Assert.Equal(ResourceCatalog.Default.Names.Order(StringComparer.Ordinal), schemaTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheExamplesUseEveryTypeAndTheLoaderAcceptsThem()
    {
        var path = _folder.Write("examples.json", Examples().ToString());

        var baseline = new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>());

        Assert.Equal(ResourceCatalog.Default.Names.Order(StringComparer.Ordinal), baseline.Resources.Select(r => r.Type).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheLoaderRefusesEachExampleWithAnUnknownMember()
    {
        foreach (var path in WithUnknownMember())
        {
            var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));
            Assert.Contains("has an unknown member \"unknownMember\"", e.Message, StringComparison.Ordinal);
        }
    }

    [SchemaValidatorFact]
    public void AjvAcceptsEveryShippedBaselineAndTheExamples()
    {
        var files = Directory.EnumerateFiles(Repository.File("baselines"), "*.json", SearchOption.AllDirectories)
            .Append(_folder.Write("examples.json", Examples().ToString()));

        var (exit, output) = SchemaValidator.Validate(Schema, files);

        Assert.True(exit == 0, output);
    }

    [SchemaValidatorFact]
    public void AjvRefusesEachExampleWithAnUnknownMember()
    {
        var files = WithUnknownMember().ToList();

        var (_, output) = SchemaValidator.Validate(Schema, files);

        Assert.All(files, file => Assert.Contains($"invalid {file}: ", output, StringComparison.Ordinal));
    }

    /// <summary>One baseline per example resource, with a member no type has added to its properties.</summary>
    private IEnumerable<string> WithUnknownMember()
    {
        foreach (var resource in (JArray)Examples()["resources"]!)
        {
            resource["properties"]!["unknownMember"] = 1;
            var baseline = new JObject { ["name"] = "t", ["parameters"] = Examples()["parameters"], ["resources"] = new JArray(resource) };
            yield return _folder.Write($"unknown-{resource["id"]}.json", baseline.ToString());
        }
    }
}
