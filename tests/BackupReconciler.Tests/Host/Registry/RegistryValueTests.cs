using BackupReconciler.Host.Registry;
using BackupReconciler.Input;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Host.Registry;

/// <summary>Registry values of every type number: none is lost or mistaken for another on its way through JSON.</summary>
public sealed class RegistryValueTests
{
    [Fact]
    public void AValueOfAnyTypeNumberAndAnyBytesSurvivesJsonExactlyAndKeepsItsKind()
    {
        var values =
            from type in Gen.Frequency(
                (3, Gen.Elements(0u, 5u, 6u, 8u, 9u, 10u)),
                (1, Gen.Choose(12, int.MaxValue).Select(n => (uint)n)),
                (1, Gen.Elements(0xFFFFFFFFu, 0x80000000u)))
            from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
            select RegistryValue.Other(type, bytes);
        var cases = 0;

        FsCheck.Check.One(Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(300), Prop.ForAll(Arb.From(values), (RegistryValue value) =>
        {
            cases++;
            var json = value.ToJson();
            var read = RegistryValue.Read(JsonObjectReader.ForObject(JObject.Parse(json.ToString()), "t.json", "a value"));

            Assert.Equal(value, read);
            Assert.True(read.SameKindAs(value));
            Assert.Equal(value.TypeNumber, read.TypeNumber);
            Assert.NotEqual(RegistryValue.Binary(value.Bytes!), read);
        }));

        Assert.Equal(300, cases);
    }

    [Theory]
    [InlineData(0u, "none")]
    [InlineData(5u, "dwordBigEndian")]
    [InlineData(6u, "link")]
    [InlineData(8u, "resourceList")]
    [InlineData(9u, "fullResourceDescriptor")]
    [InlineData(10u, "resourceRequirementsList")]
    [InlineData(4660u, "type:4660")]
    [InlineData(4u, "type:4")]
    public void KindsOutsideTheSixHaveTheirOwnNamesAndAnyOtherNumberIsWrittenAsTypeN(uint type, string name)
    {
        Assert.Equal(name, RegistryValue.Other(type, [1, 2]).KindName);
        Assert.Equal(new JObject { ["kind"] = name, ["data"] = "0102" }, RegistryValue.Other(type, [1, 2]).ToJson());
    }

    [Fact]
    public void ABadKindNamesEveryKindThatCanBeWritten()
    {
        var e = Assert.Throws<InputException>(() => RegistryValue.Read(JsonObjectReader.ForObject(JObject.Parse("""{ "kind": "type:x", "data": "" }"""), "t.json", "value \"V\"")));

        Assert.Contains("\"kind\" of value \"V\" is the string \"type:x\"; use one of: string, expandString, multiString, binary, dword, qword, none, dwordBigEndian, link, resourceList, fullResourceDescriptor, resourceRequirementsList or type:N", e.Message, StringComparison.Ordinal);
    }
}
