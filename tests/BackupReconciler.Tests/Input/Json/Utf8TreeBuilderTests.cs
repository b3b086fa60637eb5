using System.Globalization;
using System.Text;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Input.Json;

/// <summary>
/// The fast reader of input files must build exactly the tree Newtonsoft's reader builds (values, kinds,
/// member names, every line and column), or give up so that Newtonsoft's reader reads the file; it must
/// never accept a file that Newtonsoft's reader, with the input-file rules, refuses.
/// </summary>
public sealed class Utf8TreeBuilderTests
{
    private static readonly string[] Spaces = ["", " ", "\n", "\r\n", "\r", "\t", "  \n    ", "\r\n\r\n  "];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "42", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "-9223372036854775809", "123456789012345678901234567890", "1.5", "-0.25", "1.0", "1.50", "1e5", "1E-3",
        "2.5e+3", "0.1", "1e400", "79228162514264337593543950335", "0.0000000000000000000000000001",
        "3.14159265358979323846264338327950288",
    ];

    private static readonly string[] StringPieces =
    [
        "a", "Name", "SQL Server", "é", "中文", "😀", "\\n", "\\t", "\\u00e9", "\\\"", "\\\\", "\\/", "\\ud83d\\ude00",
        "C:\\\\Program Files", "\\u0001", "\\u200e", "\u202e", "\u0085", "\\ud800", "$type", " ",
    ];

    private static readonly string[] Names = ["name", "value", "kind", "é", "data", "$id", "$ref", "Path", "path", "x"];

    [Fact]
    public void OnGeneratedTextTheFastReaderBuildsNewtonsoftsTreeOrGivesUp()
    {
        var taken = 0;
        const int Cases = 3000;
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var text = Space(random) + Value(random, 0) + Space(random);
            var bytes = Encoding.UTF8.GetBytes(text);
            if (random.Next(10) == 0)
            {
                bytes = [0xEF, 0xBB, 0xBF, .. bytes];
            }

            var fast = Utf8TreeBuilder.TryBuild(bytes);
            string careful;
            try
            {
                careful = Describe(JsonTreeBuilder.Build("x.json", JsonFileReader.Decode("x.json", bytes), strict: true));
            }
            catch (InputException e)
            {
                Assert.True(fast is null, $"seed {seed}: the fast reader accepted what Newtonsoft's refuses ({e.Problem}):\n{text}");
                continue;
            }

            if (fast is not null)
            {
                taken++;
                Assert.True(careful == Describe(fast), $"seed {seed}: trees differ for\n{text}\nexpected\n{careful}\nactual\n{Describe(fast)}");
            }
        }

        // Not a law that holds by giving up: most generated texts are plain JSON the fast reader must take.
        Assert.True(taken > Cases / 3, $"the fast reader took only {taken} of {Cases} texts");
    }

    public static TheoryData<string> ShippedJsonFiles() => JsonTreeTests.ShippedJsonFiles();

    [Theory]
    [MemberData(nameof(ShippedJsonFiles))]
    public void EveryShippedFileIsReadFastIntoNewtonsoftsTree(string relative)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repository.Root, relative));

        var fast = Utf8TreeBuilder.TryBuild(bytes);

        Assert.NotNull(fast);
        Assert.Equal(Describe(JsonTreeBuilder.Build(relative, JsonFileReader.Decode(relative, bytes), strict: true)), Describe(fast));
    }

    [Theory]
    [InlineData("{ \"a\": 1 // note\n }")]
    [InlineData("{ \"a\": [1, 2,] }")]
    [InlineData("{ \"a\": 1, \"a\": 2 }")]
    [InlineData("{ \"a\": \"\\u0001\" }")]
    [InlineData("{ \"a\": \"\u202e\" }")]
    [InlineData("{ \"$type\": \"x\" }")]
    [InlineData("{ \"a\": { \"$Values\": [] } }")]
    [InlineData("{ 'a': 1 }")]
    [InlineData("{ a: 1 }")]
    [InlineData("{ \"a\": NaN }")]
    [InlineData("{ \"a\": undefined }")]
    [InlineData("{ \"a\": \"line\nbreak\" }")]
    [InlineData("{ \"a\": \"\\ud800\" }")]
    [InlineData("{ \"a\": 1e400 }")]
    [InlineData("{ \"a\": 0x10 }")]
    [InlineData("{ \"a\": 010 }")]
    [InlineData("{ \"a\": 1 } { }")]
    [InlineData("{ \"a\": 1 }\u00a0")]
    [InlineData("")]
    [InlineData("   ")]
    public void AnythingButPlainJsonWithinTheRulesIsLeftToNewtonsoftsReader(string text)
    {
        Assert.Null(Utf8TreeBuilder.TryBuild(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void DepthNearTheLimitAndTextNotInUtf8AreLeftToNewtonsoftsReader()
    {
        foreach (var depth in Enumerable.Range(50, 20))
        {
            var text = string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth));
            var fast = Utf8TreeBuilder.TryBuild(Encoding.UTF8.GetBytes(text));
            var refused = Record.Exception(() => JsonTreeBuilder.Build("x.json", text, strict: true));

            Assert.True(fast is null || refused is null, $"the fast reader accepted {depth} levels, which Newtonsoft's refuses");
        }

        Assert.NotNull(Utf8TreeBuilder.TryBuild(Encoding.UTF8.GetBytes(new string('[', 40) + new string(']', 40))));
        Assert.Null(Utf8TreeBuilder.TryBuild([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{}")]));
        Assert.Null(Utf8TreeBuilder.TryBuild([(byte)'{', (byte)'"', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}']));
    }

    private static string Value(Random random, int depth)
    {
        var pick = random.Next(depth > 4 ? 4 : 6);
        switch (pick)
        {
            case 0:
                return "\"" + StringText(random) + "\"";
            case 1:
                return Numbers[random.Next(Numbers.Length)];
            case 2:
                return random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" };
            case 3:
                return random.Next(4) == 0 ? "\"" + new string('w', 130 + random.Next(20)) + "é\"" : "\"" + StringText(random) + "\"";
            case 4:
                var members = Enumerable.Range(0, random.Next(6)).Select(_ =>
                    Space(random) + "\"" + MemberName(random) + "\"" + Space(random) + ":" + Space(random) + Value(random, depth + 1) + Space(random));
                return "{" + string.Join(",", members) + Space(random) + "}";
            default:
                var entries = Enumerable.Range(0, random.Next(6)).Select(_ => Space(random) + Value(random, depth + 1) + Space(random));
                return "[" + string.Join(",", entries) + Space(random) + "]";
        }
    }

    private static string MemberName(Random random) => random.Next(8) switch
    {
        0 => StringText(random),
        1 => new string('n', 129 + random.Next(5)),
        _ => Names[random.Next(Names.Length)] + random.Next(6).ToString(CultureInfo.InvariantCulture),
    };

    private static string StringText(Random random)
    {
        // Mostly printable text; now and then a piece the input rules refuse (a control character, an override).
        var pieces = Enumerable.Range(0, random.Next(5)).Select(_ =>
            random.Next(12) == 0 ? StringPieces[random.Next(StringPieces.Length)] : StringPieces[random.Next(14)]);
        return string.Concat(pieces);
    }

    private static string Space(Random random) => random.Next(3) == 0 ? Spaces[random.Next(Spaces.Length)] : "";

    /// <summary>Every item and member with its kind, value (as typed) and position, one per line.</summary>
    private static string Describe(JsonItem item)
    {
        var lines = new StringBuilder();
        Describe(item, "$", lines);
        return lines.ToString();
    }

    private static void Describe(JsonItem item, string path, StringBuilder lines)
    {
        var value = item switch
        {
            JsonStringItem s => "\"" + s.Value + "\"",
            JsonNumberItem n => n.Value.GetType().Name + " " + Convert.ToString(n.Value, CultureInfo.InvariantCulture),
            JsonBooleanItem b => b.Value ? "true" : "false",
            _ => "",
        };
        lines.Append(CultureInfo.InvariantCulture, $"{path} {item.Kind} {value} {item.Line}:{item.Column}\n");
        switch (item)
        {
            case JsonObjectItem o:
                foreach (var member in o.Members)
                {
                    lines.Append(CultureInfo.InvariantCulture, $"{path}.{member.Name} member {member.Line}:{member.Column}\n");
                    Describe(member.Value, path + "." + member.Name, lines);
                }

                break;
            case JsonArrayItem a:
                for (var i = 0; i < a.Count; i++)
                {
                    Describe(a[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", lines);
                }

                break;
        }
    }
}
