using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Host.Registry;
using BackupReconciler.Resources;
using BackupReconciler.Resources.Firewall;
using BackupReconciler.Resources.JsonFile;
using BackupReconciler.Resources.Registry;
using BackupReconciler.Resources.ShadowStorage;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Serilog;

namespace BackupReconciler.Tests.Resources;

public sealed class DifferenceValueTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(200)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261207UL), FSharpOption<int>.None)));

    /// <summary>One value of every kind a resource type uses, registry values of every kind both ways they are written.</summary>
    public static TheoryData<string, DifferenceValue> EveryKind()
    {
        var data = new TheoryData<string, DifferenceValue>
        {
            { "text", DifferenceValue.Text(@"C:\Program Files\x") },
            { "number", DifferenceValue.Number(-5_000_000_000) },
            { "flag", DifferenceValue.Flag(false) },
            { "text list", DifferenceValue.TextList(["b", "a", "B"]) },
            { "empty text list", DifferenceValue.TextList([]) },
            { "size limit", new SizeLimitValue(53_687_091_200) },
            { "no size limit", new SizeLimitValue((long?)null) },
            { "json member", new JsonMemberValue(JToken.Parse("""{ "a": [1, "x", null], "b": { "c": true } }""")) },
            { "firewall setting", new FirewallSettingValue(FirewallRule.WithDefaults("R") with { LocalPorts = PortSet.Parse("135", "5718") }, FirewallRuleMembers.LocalPorts) },
            { "firewall rule", new FirewallRulesValue([FirewallRule.WithDefaults("R")]) },
            { "firewall rules", new FirewallRulesValue([FirewallRule.WithDefaults("R"), FirewallRule.WithDefaults("R") with { Direction = FirewallDirection.Outbound }]) },
        };
        foreach (var (name, value) in RegistryValues())
        {
            data.Add($"registry {name} with its kind", new RegistryDataValue(value, ShowsKind: true));
            data.Add($"registry {name} as data", new RegistryDataValue(value, ShowsKind: false));
        }

        return data;
    }

    private static IEnumerable<(string Name, RegistryValue Value)> RegistryValues() =>
    [
        ("string", RegistryValue.String("x")),
        ("expandString", RegistryValue.ExpandString("%SystemRoot%")),
        ("multiString", RegistryValue.MultiString(["a", "b"])),
        ("dword", RegistryValue.DWord(7200)),
        ("qword", RegistryValue.QWord(ulong.MaxValue)),
        ("binary", RegistryValue.Binary([0x01, 0xff])),
        ("none", RegistryValue.Other(0, [])),
        ("type number", RegistryValue.Other(4660, [0xab, 0xcd])),
    ];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void EveryKindReadsBackItsOwnRenderingAsAnEqualValue(string kind, DifferenceValue value)
    {
        var json = JToken.Parse(value.ToJson().ToString(Formatting.None));

        Assert.True(value.IsRecordedAs(json), $"{kind}: {json} did not read back as {value}");
        Assert.Equal(value, value.ReadBack(json));
        Assert.Equal(value.GetHashCode(), value.ReadBack(json)!.GetHashCode());
    }

    [Fact]
    public void TextNumberFlagAndTextListValuesAreEqualExactlyWhenTheirContentIs()
    {
        Check.One(Quick, Prop.ForAll<string, string>((a, b) =>
            (DifferenceValue.Text(a ?? "").Equals(DifferenceValue.Text(b ?? "")) == ((a ?? "") == (b ?? ""))) && DifferenceValue.Text(a ?? "").IsRecordedAs(new JValue(a ?? ""))));
        Check.One(Quick, Prop.ForAll<long, long>((a, b) =>
            (DifferenceValue.Number(a).Equals(DifferenceValue.Number(b)) == (a == b)) && DifferenceValue.Number(a).IsRecordedAs(JToken.Parse(DifferenceValue.Number(a).ToJson().ToString()))));
        Check.One(Quick, Prop.ForAll<bool>(a => DifferenceValue.Flag(a).IsRecordedAs(new JValue(a)) && !DifferenceValue.Flag(a).IsRecordedAs(new JValue(!a))));
        Check.One(Quick, Prop.ForAll<string[], string[]>((a, b) =>
        {
            var (left, right) = (a.Select(s => s ?? "").ToList(), b.Select(s => s ?? "").ToList());
            var equal = DifferenceValue.TextList(left).Equals(DifferenceValue.TextList([.. right]));
            return equal == left.SequenceEqual(right, StringComparer.Ordinal)
                && DifferenceValue.TextList(left).IsRecordedAs(DifferenceValue.TextList(left).ToJson())
                && (!equal || DifferenceValue.TextList(left).GetHashCode() == DifferenceValue.TextList(right).GetHashCode());
        }));
    }

    [Fact]
    public void AValueIsNeverTheRenderingOfAnotherKind()
    {
        Assert.False(DifferenceValue.Number(5).IsRecordedAs(new JValue("5")));
        Assert.False(DifferenceValue.Text("true").IsRecordedAs(new JValue(true)));
        Assert.False(DifferenceValue.TextList(["a"]).IsRecordedAs(new JValue("a")));
        Assert.False(new SizeLimitValue(1024).IsRecordedAs(new JValue("1 KiB")));
        Assert.False(DifferenceValue.Text("x").IsRecordedAs(JValue.CreateNull()));
    }

    [Fact]
    public void ARegistryValueIsItsKindAndDataWrittenEitherWayButAsPlannedOnlyTheWayItWasWritten()
    {
        var dword = new RegistryDataValue(RegistryValue.DWord(1), ShowsKind: false);
        var withKind = dword with { ShowsKind = true };
        var qword = new RegistryDataValue(RegistryValue.QWord(1), ShowsKind: true);

        Assert.True(dword.IsSameValue(withKind));
        Assert.False(dword.IsSameValue(qword));
        Assert.NotEqual<DifferenceValue>(dword, withKind);
        Assert.Equal("1", dword.ToJson().ToString(Formatting.None));
        Assert.Equal("""{"kind":"dword","data":1}""", withKind.ToJson().ToString(Formatting.None));
        Assert.Equal(["1"], withKind.SecretParts);
    }

    /// <summary>
    /// Over every resource type: each difference the shipped drifted samples show is written by its typed
    /// value and reads back as that value. The samples drift in every type, so a type whose values do not
    /// round-trip, or a type added without a drifted sample, fails here.
    /// </summary>
    [Fact]
    public void EveryDifferenceOfEveryResourceTypeInTheShippedSamplesReadsBackAsItself()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in new[] { "dpm-protected-server", "dpm-remote-sql", "dpm-server", "mars-agent", "sql-azure-vm", "system-state" })
        {
            var host = SnapshotHost.Load(Repository.File($"samples/{role}.drifted.json"));
            var vars = Repository.File($"samples/{role}.vars.json");
            var baseline = new BaselineLoader(ResourceCatalog.Default).Load(Repository.File($"baselines/{role}.json"), new VariableInputs([], File.Exists(vars) ? vars : null), host.Facts);
            var run = new Reconciler(host, new LoggerConfiguration().CreateLogger(), TimeProvider.System).Run(baseline, "plan", whatIf: true);
            foreach (var resource in run.Resources.Where(r => r.Differences.Count > 0))
            {
                types.Add(resource.Type);
                foreach (var difference in resource.Differences)
                {
                    // As the JSON report writes it, parsed again as a reader of the report would.
                    var written = JObject.Parse(DifferenceJson.Of(difference).ToString(Formatting.None));
                    foreach (var (value, member) in new[] { (difference.Actual, "actual"), (difference.Desired, "desired") })
                    {
                        Assert.True(value is null ? written[member]!.Type == JTokenType.Null : value.IsRecordedAs(written[member]),
                            $"{role} {resource.Id} {difference.Property}: {member} {written[member]} does not read back as {value}");
                    }
                }
            }
        }

        Assert.Equal(ResourceCatalog.Default.Names.Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }
}
