using BackupReconciler.Baselines;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Baselines;

/// <summary>
/// A property of validate's collecting: a baseline (and an include) holding N independent mistakes, of any
/// kinds, in any mix and placement, reports exactly N errors, one naming each mistake: none lost, none added.
/// </summary>
public sealed class InjectedErrorPropertyTests
{
    /// <summary>One kind of mistake, made with a marker ("e7-") that its error, and no other, names.</summary>
    private sealed record Mistake(string Kind, Func<string, (JObject? Parameter, JToken[] Resources)> Make);

    private static JObject Service(string id, string name, string startType = "manual") =>
        new() { ["id"] = id, ["type"] = "service", ["properties"] = new JObject { ["name"] = name, ["startType"] = startType } };

    private static JObject Registry(string id, string key, long data) =>
        new()
        {
            ["id"] = id, ["type"] = "registry",
            ["properties"] = new JObject { ["key"] = $"HKLM\\SOFTWARE\\{key}", ["values"] = new JObject { ["V"] = new JObject { ["kind"] = "dword", ["data"] = data } } },
        };

    private static JObject With(JObject resource, string member, JToken value)
    {
        resource[member] = value;
        return resource;
    }

    private static JObject Rename(JObject resource, string member, string misspelt)
    {
        resource[misspelt] = resource[member];
        resource.Remove(member);
        return resource;
    }

    private static JObject InProperties(JObject resource, string member, JToken value)
    {
        resource["properties"]![member] = value;
        return resource;
    }

    private static readonly Mistake[] Mistakes =
    [
        new("unknown type", m => (null, [With(Service(m + "a", m + "svc"), "type", "servise")])),
        new("misspelt member", m => (null, [With(Service(m + "a", m + "svc"), "wyh", "x")])),
        new("misspelt property", m => (null, [InProperties(Registry(m + "a", m, 1), "vaules", new JObject())])),
        new("bad enum value", m => (null, [Service(m + "a", m + "svc", "auto")])),
        new("bad mode", m => (null, [With(Service(m + "a", m + "svc"), "mode", "report")])),
        new("value out of range", m => (null, [Registry(m + "a", m, 4294967296)])),
        new("unknown dependency", m => (null, [With(Service(m + "a", m + "svc"), "dependsOn", new JArray(m + "nobody"))])),
        new("dependency cycle", m => (null, [With(Service(m + "a", m + "svc1"), "dependsOn", new JArray(m + "b")), With(Service(m + "b", m + "svc2"), "dependsOn", new JArray(m + "a"))])),
        new("duplicate id", m => (null, [Service(m + "a", m + "svc1"), Service(m + "a", m + "svc2")])),
        new("conflict", m => (null, [Service(m + "a", m + "svc"), Service(m + "b", m + "svc", "disabled")])),
        new("undefined variable", m => (null, [Service(m + "a", "${" + m.Replace("-", "", StringComparison.Ordinal) + "Undefined}")])),
        new("bad default", m => (new JObject { ["type"] = "integer", ["default"] = m }, [])),
        new("bad id characters", m => (null, [Service(m + "a b", m + "svc")])),
        new("misspelt required member", m => (null, [Rename(Service(m + "a", m + "svc"), "properties", "propertise")])),
        new("line break in a value", m => (null, [Service(m + "a", m + "svc", "manual\nerror: forged")])),
    ];

    [Fact]
    public void ABaselineWithNIndependentMistakesReportsExactlyNErrorsOneNamingEach()
    {
        var generator =
            from count in Gen.Choose(0, 8)
            from kinds in Gen.ListOf(Gen.Elements(Mistakes), count)
            from placements in Gen.ListOf(Gen.Elements(true, false), count)
            from good in Gen.Choose(0, 3)
            select (Kinds: kinds.ToArray(), InInclude: placements.ToArray(), Good: good);
        var config = Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(60)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261207UL), FSharpOption<int>.None)));
        var cases = 0;

        FsCheck.Check.One(config, Prop.ForAll(Arb.From(generator), c =>
        {
            cases++;
            using var folder = new TempFolder();
            var root = new JObject { ["name"] = "t", ["include"] = new JArray("common/part.json"), ["parameters"] = new JObject(), ["resources"] = new JArray() };
            var part = new JObject { ["parameters"] = new JObject(), ["resources"] = new JArray() };
            for (var i = 0; i < c.Good; i++)
            {
                ((JArray)root["resources"]!).Add(Registry($"good{i}", $"Good{i}", 1));
            }

            var markers = new List<string>();
            for (var i = 0; i < c.Kinds.Length; i++)
            {
                var marker = $"e{i}-";
                markers.Add(marker);
                var target = c.InInclude[i] ? part : root;
                var (parameter, resources) = c.Kinds[i].Make(marker);
                if (parameter is not null)
                {
                    target["parameters"]![$"P{i}x"] = parameter;
                    markers[i] = $"\"P{i}x\"";
                }

                foreach (var resource in resources)
                {
                    ((JArray)target["resources"]!).Add(resource);
                }

                if (c.Kinds[i].Kind == "undefined variable")
                {
                    markers[i] = $"${{e{i}Undefined}}";
                }
            }

            var path = folder.Write("b.json", root.ToString());
            folder.Write("common/part.json", part.ToString());
            var check = new BaselineLoader(ResourceCatalog.Default).Check(path, VariableInputs.None, new Dictionary<string, string>(), forValidate: false);
            var errors = check.Errors.Select(e => e.ToString()).ToList();
            Assert.All(errors, e => Assert.DoesNotContain('\n', e));

            var described = string.Join(", ", c.Kinds.Select((k, i) => $"{k.Kind}{(c.InInclude[i] ? " (include)" : "")}"));
            Assert.True(errors.Count == c.Kinds.Length, $"{c.Kinds.Length} mistakes ({described}), {errors.Count} errors:\n{string.Join("\n", errors)}");
            for (var i = 0; i < markers.Count; i++)
            {
                var marker = markers[i];
                Assert.True(errors.Count(e => e.Contains(marker, StringComparison.Ordinal)) == 1, $"mistake {c.Kinds[i].Kind} ({marker}) is not named by exactly one error:\n{string.Join("\n", errors)}");
            }

            Assert.Equal(c.Kinds.Length == 0, check.Baseline is not null);
        }));

        Assert.Equal(60, cases);
    }
}
