using System.Text;
using BackupReconciler.Host.Registry;
using BackupReconciler.Input;
using BackupReconciler.RegFiles;
using BackupReconciler.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace BackupReconciler.Tests.RegFiles;

public sealed class RegFileParserTests
{
    private static RegFile Parse(string text) => RegFileParser.Parse(text, "t.reg");

    private static readonly Gen<string> Names = Gen.Elements("", "Enabled", "Path \"x\"", @"a\b", "Ünïcödé", "semi;colon", "x=y", "   spaced ");

    private static readonly Gen<string> Texts = Gen.Elements("", "%SystemRoot%\\system32\\x.dll", "quote \" and \\ backslash", "ünïcödé ✓", "a;b=c", "line", new string('x', 200));

    private static readonly Gen<RegistryValue?> Values = Gen.OneOf(
        Texts.Select(t => (RegistryValue?)RegistryValue.String(t)),
        Texts.Select(t => (RegistryValue?)RegistryValue.ExpandString(t)),
        Gen.ListOf(Texts.Where(t => t.Length > 0)).Select(l => (RegistryValue?)RegistryValue.MultiString(l)),
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(b => (RegistryValue?)RegistryValue.Binary(b)),
        Gen.Choose(int.MinValue, int.MaxValue).Select(n => (RegistryValue?)RegistryValue.DWord(unchecked((uint)n))),
        Gen.Choose(int.MinValue, int.MaxValue).Select(n => (RegistryValue?)RegistryValue.QWord(unchecked((ulong)(long)n * 7919UL))),
        Gen.Constant<RegistryValue?>(null));

    [Fact]
    public void WhatRegeditWritesIsReadBackAsItWasInEveryFormatEncodingAndLineEnding()
    {
        var keys = from count in Gen.Choose(1, 3)
                   from sections in Gen.ListOf(from sub in Gen.Elements(@"SOFTWARE\Gen", @"SYSTEM\CurrentControlSet\Services\Gen Svc", @"SOFTWARE\WOW6432Node\Gen")
                                              from n in Gen.Choose(0, 4)
                                              from values in Gen.ListOf(from name in Names from value in Values select (name, value), n)
                                              select (sub, values), count)
                   from format in Gen.Elements(RegFileFormat.Version5, RegFileFormat.Regedit4)
                   from newline in Gen.Elements("\r\n", "\n")
                   select (sections, format, newline);
        Check.One(Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(300), Prop.ForAll(Arb.From(keys), c =>
        {
            // One section per distinct key and value name: the model a merge leaves.
            var sections = c.sections.Select((s, i) => (Key: $@"HKLM\{s.sub}{i}", Values: s.values
                    .Where(v => c.format == RegFileFormat.Version5 || v.value is null || Latin1Safe(v.value))
                    .Where(v => c.format == RegFileFormat.Version5 || Latin1(v.name))
                    .GroupBy(v => v.name, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()).ToList()))
                .ToList();
            var text = RegExport.Write(sections.Select(s => (s.Key, s.Values.Select(v => (v.name, (RegistryValue?)v.value)))), c.format, c.newline);
            var bytes = c.format == RegFileFormat.Version5 ? [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)] : Encoding.Latin1.GetBytes(text);

            var parsed = RegFileParser.Parse(RegFileText.Decode(bytes, "g.reg"), "g.reg");

            Assert.Equal(c.format, parsed.Format);
            Assert.Equal(sections.Select(s => s.Key), parsed.Keys.Select(k => k.Key.FullName));
            for (var i = 0; i < sections.Count; i++)
            {
                Assert.Equal(sections[i].Values.Select(v => v.name), parsed.Keys[i].Values.Select(v => v.Name));
                Assert.Equal(sections[i].Values.Select(v => v.value), parsed.Keys[i].Values.Select(v => v.Value));
            }
        }));
    }

    private static bool Latin1(string text) => text.All(ch => ch <= 0xFF);

    private static bool Latin1Safe(RegistryValue value) => value.Kind switch
    {
        RegistryValueKind.String or RegistryValueKind.ExpandString => Latin1(value.Text!),
        RegistryValueKind.MultiString => value.Lines!.All(Latin1),
        _ => true,
    };

    [Fact]
    public void AValueNamedTwiceKeepsTheLastWordAndAKeyNamedTwiceIsOneKey()
    {
        var file = Parse("""
            Windows Registry Editor Version 5.00

            [HKEY_LOCAL_MACHINE\SOFTWARE\A]
            "V"=dword:00000001

            [hkey_local_machine\software\a]
            "v"=-
            "W"="x"
            """);

        var key = Assert.Single(file.Keys);
        Assert.Equal([("v", (RegistryValue?)null), ("W", RegistryValue.String("x"))], key.Values);
    }

    [Fact]
    public void Regedit4ReadsHex2AndHex7AsSingleBytes()
    {
        var file = Parse("REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n\"E\"=hex(2):25,57,49,4e,44,49,52,25,00\n\"M\"=hex(7):61,00,62,00,00\n");

        Assert.Equal(RegFileFormat.Regedit4, file.Format);
        Assert.Equal(RegistryValue.ExpandString("%WINDIR%"), file.Keys[0].Values[0].Value);
        Assert.Equal(RegistryValue.MultiString(["a", "b"]), file.Keys[0].Values[1].Value);
    }

    [Theory]
    [InlineData("Windows Registry Editor Version 4.00\n", "(1,1)", "starts with")]
    [InlineData("Windows Registry Editor Version 5.00\n\n[-HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n", "(3,1)", "deletes a whole key")]
    [InlineData("Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\A]\n", "(3,1)", "only HKEY_LOCAL_MACHINE keys")]
    [InlineData("Windows Registry Editor Version 5.00\n\n[HKEY_CLASSES_ROOT\\.txt]\n", "(3,1)", "is in HKEY_CLASSES_ROOT")]
    [InlineData("Windows Registry Editor Version 5.00\n\"V\"=dword:1\n", "(2,1)", "comes before any [KEY]")]
    [InlineData("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n\"V\"=dword:0ffffffff\n", "(3,1)", "1 to 8 hexadecimal digits")]
    [InlineData("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n\"V\"=hex(0):\n", "(3,1)", "REG_NONE")]
    [InlineData("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n\"V\"=hex(5):01,00,00,00\n", "(3,1)", "REG_DWORD_BIG_ENDIAN")]
    [InlineData("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n  \"V\"=hex:01,zz\n", "(3,3)", "byte 2")]
    [InlineData("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n\"V\"=\"a\\tb\"\n", "(3,1)", "escapes nothing")]
    [InlineData("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n\"V\"=\"open\n", "(3,1)", "does not end")]
    [InlineData("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\nV=1\n", "(3,1)", "is not a value line")]
    [InlineData("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n\"V\"=hex(4):01,00\n", "(3,1)", "a REG_DWORD has 4")]
    [InlineData("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A\n", "(2,1)", "does not end with ']'")]
    public void WhatABaselineCannotSayIsALocatedErrorWithTheReason(string text, string at, string expected)
    {
        var error = Assert.Throws<InputException>(() => Parse(text));

        Assert.StartsWith("t.reg" + at + ": ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AFileWithoutItsUtf16ByteOrderMarkIsRefusedRatherThanMisread()
    {
        var bytes = Encoding.Unicode.GetBytes("Windows Registry Editor Version 5.00\r\n");

        Assert.Contains("without its byte order mark", Assert.Throws<InputException>(() => RegFileText.Decode(bytes, "t.reg")).Message);
    }

    [Fact]
    public void AnAnsiRegedit4FileIsReadInWindows1252()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("REGEDIT4\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n\"V\"=\"caf"), 0xE9, 0x80, .. Encoding.ASCII.GetBytes("\"\r\n")];

        var file = RegFileParser.Parse(RegFileText.Decode(bytes, "t.reg"), "t.reg");

        Assert.Equal(RegistryValue.String("café€"), file.Keys[0].Values[0].Value);
    }
}
