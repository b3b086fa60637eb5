using BackupReconciler.Host;
using BackupReconciler.Host.Firewall;

namespace BackupReconciler.Tests.Host.Firewall;

public sealed class PortSetTests
{
    [Fact]
    public void ACommaStringEqualsTheSamePortsAsAnArrayInAnotherOrder()
    {
        Assert.Equal(PortSet.Parse("135,5718"), PortSet.Parse("5718", "135"));
    }

    [Theory]
    [InlineData("any")]
    [InlineData("ANY")]
    [InlineData("*")]
    public void AnyEqualsAnEmptyList(string any)
    {
        Assert.Equal(PortSet.Any, PortSet.Parse(any));
        Assert.Equal(PortSet.Any, PortSet.Parse());
        Assert.True(PortSet.Parse(any).IsAny);
    }

    [Fact]
    public void SetsCompareByThePortsTheyCoverNotByHowTheyAreWritten()
    {
        Assert.Equal(PortSet.Parse("80-81"), PortSet.Parse("80", "81"));
        Assert.Equal(PortSet.Parse("49152-65535"), PortSet.Parse("49152-60000", "50000-65535"));
        Assert.Equal(PortSet.Parse("445"), PortSet.Parse("445-445", "445"));
        Assert.Equal(PortSet.Parse(" 139 ", "0445"), PortSet.Parse("139,445"));
    }

    [Fact]
    public void DifferentPortsAreDifferentSets()
    {
        Assert.NotEqual(PortSet.Parse("135,5718"), PortSet.Parse("135,5719"));
        Assert.NotEqual(PortSet.Parse("135"), PortSet.Any);
        Assert.NotEqual(PortSet.Parse("49152-65535"), PortSet.Parse("49152-65534"));
    }

    [Fact]
    public void EntriesAreCanonicalSortedAndWithoutDuplicates()
    {
        Assert.Equal(["135", "5718", "5719", "49152-65535"], PortSet.Parse("49152-65535", "5719", "135,5718", "135", "5719-5719").Entries);
        Assert.Equal(["any"], PortSet.Parse().Entries);
    }

    [Fact]
    public void TheWholePortRangeIsAccepted()
    {
        Assert.Equal(["0-65535"], PortSet.Parse("0-65535").Entries);
        Assert.Equal(["0", "65535"], PortSet.Parse("65535", "0").Entries);
    }

    [Theory]
    [InlineData("rpc", "RPC")]
    [InlineData("RPC-EPMap", "RPCEPMap")]
    [InlineData("rpcepmap", "RPCEPMap")]
    [InlineData("Ply2Disc", "PlayToDiscovery")]
    [InlineData("MDNS", "mDNS")]
    public void KeywordsIgnoreCaseAndTakeTheirCanonicalSpelling(string written, string canonical)
    {
        Assert.Equal([canonical], PortSet.Parse(written).Entries);
        Assert.Equal(PortSet.Parse(canonical), PortSet.Parse(written));
    }

    [Theory]
    [InlineData("70000", 0, "the port 70000, outside 0 to 65535; use ports from 0 to 65535")]
    [InlineData("1-70000", 0, "the range 1-70000, which goes outside 0 to 65535; use ports from 0 to 65535")]
    [InlineData("80-20", 0, "the range 80-20, which runs backwards; write it low to high: \"20-80\"")]
    [InlineData("", 0, "an empty entry; remove the extra comma")]
    [InlineData("-5", 0, "\"-5\", which is not a port; use a port such as \"445\", a range such as \"49152-65535\", a keyword (RPC, RPCEPMap, Teredo, IPHTTPSIn, IPHTTPSOut, DHCP, PlayToDiscovery, mDNS), or \"any\"")]
    [InlineData("0x50", 0, "\"0x50\", which is not a port; use a port such as \"445\", a range such as \"49152-65535\", a keyword (RPC, RPCEPMap, Teredo, IPHTTPSIn, IPHTTPSOut, DHCP, PlayToDiscovery, mDNS), or \"any\"")]
    public void ABadEntryIsNamedWithItsPositionAndTheFix(string entry, int index, string message)
    {
        Assert.False(PortSet.TryParse([entry], out _, out var problem));
        Assert.Equal(new ParseProblem(index, message), problem);
    }

    [Fact]
    public void TheProblemPointsAtTheBadEntryNotTheFirst()
    {
        Assert.False(PortSet.TryParse(["135", "445", "99999"], out _, out var problem));
        Assert.Equal(2, problem!.EntryIndex);
    }

    [Fact]
    public void AnyTogetherWithPortsIsRefusedBecauseItCannotMeanBoth()
    {
        Assert.False(PortSet.TryParse(["any", "135"], out _, out var problem));
        Assert.Equal(ParseProblem.WholeList, problem!.EntryIndex);
        Assert.Equal("\"any\" together with other ports; \"any\" already means every port: use \"any\" alone, or only the ports", problem.Message);
    }

    [Fact]
    public void EqualSetsHaveEqualHashCodes()
    {
        Assert.Equal(PortSet.Parse("80-81", "RPC").GetHashCode(), PortSet.Parse("rpc", "81", "80").GetHashCode());
    }
}
