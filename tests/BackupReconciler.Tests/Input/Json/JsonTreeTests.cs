using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Input.Json;

/// <summary>
/// The compact tree every input is read into must hold what Newtonsoft's token tree held, at the same
/// positions, since every located error the tool prints comes from those positions.
/// </summary>
public sealed class JsonTreeTests
{
    public static TheoryData<string> ShippedJsonFiles()
    {
        var root = Repository.Root;
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "baselines", "samples" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedJsonFiles))]
    public void EveryShippedFileReadsAsNewtonsoftReadsItValueForValueAndPositionForPosition(string relative)
    {
        var path = Path.Combine(Repository.Root, relative);
        var text = File.ReadAllText(path);
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        var expected = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });

        var tree = JsonFileReader.ParseTree(path, text);

        var actual = tree.ToToken();
        Assert.True(JToken.DeepEquals(expected, actual), $"{relative} reads differently");
        Assert.Equal(Positions(expected), Positions(actual));
        Assert.Equal(Positions(expected), Positions(JsonItem.FromToken(expected).ToToken()));
    }

    [Fact]
    public void AHostsOwnJsonMayHoldMetadataAndControlCharactersButAFileGivenToTheToolMayNot()
    {
        // The jsonFile resource edits an application's settings file, which is its writer's business; the
        // files this tool is given (baselines, snapshots, vars, plans) must not garble reports or carry type names.
        const string Text = "{ \"$type\": \"App.Settings, App\", \"banner\": \"\\u001b[31mred\" }";
        var file = Path.Combine(Path.GetTempPath(), $"br-tree-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, Text);
        try
        {
            var lenient = (JsonObjectItem)JsonFileReader.ParseTree("settings.json", Text);
            var e = Assert.Throws<InputException>(() => JsonFileReader.ReadTree(file, 1024, out _));

            Assert.Equal("\u001b[31mred", ((JsonStringItem)lenient["banner"]!).Value);
            Assert.Equal($"{file}(1,10): the member \"$type\" is serializer metadata that this tool never reads or acts on, at any depth; remove it.", $"{e.Location}: {e.Problem}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("{ \"mode\": undefined }", "x.json(1,19): the file is not valid JSON: undefined is JavaScript, not JSON; write null or leave the member out.")]
    [InlineData("{ \"at\": new Date(1) }", "x.json(1,17): the file is not valid JSON: a JavaScript constructor such as new Date(...) is not JSON; fix the syntax there.")]
    [InlineData("{ \"a\": [1, 2", "x.json(1,12): the file is not valid JSON: it ends inside an array that is not closed with ']'; fix the syntax there.")]
    [InlineData("// only a comment", "x.json(1,1): the file holds only comments; it must hold a JSON object { ... }.")]
    public void JavaScriptThatNewtonsoftAcceptsAndTruncatedTextAreLocatedErrors(string text, string expected)
    {
        var e = Assert.Throws<InputException>(() => JsonFileReader.ParseTree("x.json", text));

        Assert.Equal(expected, $"{e.Location}: {e.Problem}");
    }

    [Fact]
    public void AMemberTwiceInALargeObjectIsFoundWhereTheSecondIs()
    {
        // Past a handful of members an object looks names up in an index; the duplicate check must use it too.
        var members = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"\"m{i}\": {i}"));
        var text = "{ " + members + ",\n  \"m7\": 0 }";

        var e = Assert.Throws<InputException>(() => JsonFileReader.ParseTree("x.json", text));

        Assert.Equal("x.json(2,7): a member appears twice in the same object (m7); keep one.", $"{e.Location}: {e.Problem}");
    }

    [Fact]
    public void ALookupInALargeObjectFindsEveryMemberAndNoOther()
    {
        var text = "{ " + string.Join(", ", Enumerable.Range(0, 50).Select(i => $"\"m{i}\": {i}")) + " }";

        var tree = (JsonObjectItem)JsonFileReader.ParseTree("x.json", text);

        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal((long)i, ((JsonNumberItem)tree[$"m{i}"]!).Value));
        Assert.Null(tree["M1"]);
        Assert.Null(tree["m50"]);
    }

    [Theory]
    [InlineData("1", typeof(long))]
    [InlineData("-9223372036854775808", typeof(long))]
    [InlineData("9223372036854775808", typeof(System.Numerics.BigInteger))]
    [InlineData("1.5", typeof(decimal))]
    public void ANumberKeepsTheKindNewtonsoftGaveItThroughEveryConversion(string number, Type kind)
    {
        var tree = (JsonObjectItem)JsonFileReader.ParseTree("x.json", $"{{ \"n\": {number} }}");
        var back = (JsonObjectItem)JsonItem.FromToken(tree.ToToken());

        Assert.IsType(kind, ((JsonNumberItem)tree["n"]!).Value);
        Assert.IsType(kind, ((JsonNumberItem)back["n"]!).Value);
        Assert.Equal(number, ((JsonNumberItem)back["n"]!).Text);
    }

    private static List<string> Positions(JToken token) =>
        (token is JContainer container ? container.DescendantsAndSelf() : [token])
            .Select(t => t is IJsonLineInfo info && info.HasLineInfo() ? $"{t.Path} {t.Type} {info.LineNumber}:{info.LinePosition}" : $"{t.Path} {t.Type} none")
            .ToList();
}
