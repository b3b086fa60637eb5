using BackupReconciler.Host;
using BackupReconciler.Host.Firewall;

namespace BackupReconciler.Tests.Host.Firewall;

public sealed class AddressSetTests
{
    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1/32")]
    [InlineData("10.0.0.1", "10.0.0.1-10.0.0.1")]
    [InlineData("10.0.0.0/24", "10.0.0.0/255.255.255.0")]
    [InlineData("10.0.0.0/24", "10.0.0.0-10.0.0.255")]
    [InlineData("10.0.0.0/24", "10.0.0.77/24")]
    [InlineData("fe80::1", "FE80:0:0:0:0:0:0:1/128")]
    [InlineData("2001:db8::/32", "2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("LocalSubnet", "localsubnet")]
    [InlineData("Internet", "IntErnet")]
    [InlineData("Intranet", "IntrAnet")]
    [InlineData("IntranetRemoteAccess", "RmtIntrAnet")]
    [InlineData("PlayToDevice", "Ply2Renders")]
    [InlineData("DefaultGateway", "defaultgateway")]
    [InlineData("LocalSubnet4", "LOCALSUBNET4")]
    public void SpellingsOfTheSameAddressesAreEqual(string a, string b)
    {
        Assert.Equal(AddressSet.Parse(a), AddressSet.Parse(b));
        Assert.Equal(AddressSet.Parse(a).Entries, AddressSet.Parse(b).Entries);
    }

    [Fact]
    public void SetsCompareAsSetsInAnyOrder()
    {
        Assert.Equal(AddressSet.Parse("10.0.0.5,10.0.0.6", "DNS"), AddressSet.Parse("dns", "10.0.0.6", "10.0.0.5"));
        Assert.Equal(AddressSet.Parse("10.0.0.0-10.0.0.127", "10.0.0.128/25"), AddressSet.Parse("10.0.0.0/24"));
    }

    [Theory]
    [InlineData("any")]
    [InlineData("Any")]
    [InlineData("*")]
    public void AnyEqualsAnEmptyList(string any)
    {
        Assert.Equal(AddressSet.Any, AddressSet.Parse(any));
        Assert.Equal(AddressSet.Any, AddressSet.Parse());
    }

    [Fact]
    public void DifferentAddressesAreDifferentSets()
    {
        Assert.NotEqual(AddressSet.Parse("10.0.0.5"), AddressSet.Parse("10.0.0.6"));
        Assert.NotEqual(AddressSet.Parse("10.0.0.5"), AddressSet.Any);
        Assert.NotEqual(AddressSet.Parse("LocalSubnet"), AddressSet.Parse("LocalSubnet4"));
        Assert.NotEqual(AddressSet.Parse("0.0.0.0/0"), AddressSet.Parse("::/0"));
    }

    [Fact]
    public void EntriesAreCanonicalIPv4FirstThenIPv6ThenKeywords()
    {
        Assert.Equal(
            ["10.0.0.0/24", "10.0.1.1-10.0.1.9", "192.168.1.5", "fe80::1", "DNS", "LocalSubnet"],
            AddressSet.Parse("localsubnet", "FE80::0001", "dns", "192.168.1.5/32", "10.0.1.1-10.0.1.9", "10.0.0.0/255.255.255.0").Entries);
        Assert.Equal(["any"], AddressSet.Parse().Entries);
    }

    [Fact]
    public void TheWholeAddressSpaceOfAFamilyIsASubnet()
    {
        Assert.Equal(["0.0.0.0/0"], AddressSet.Parse("0.0.0.0-255.255.255.255").Entries);
        Assert.Equal(["::/0"], AddressSet.Parse("::/0").Entries);
    }

    private const string Fix = "use an IPv4 or IPv6 address, a subnet such as \"10.0.0.0/24\", a range such as \"10.0.0.1-10.0.0.9\", a keyword (LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet, IntranetRemoteAccess, PlayToDevice, CaptivePortal), or \"any\"";

    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("10.1")]
    [InlineData("010.0.0.1")]
    [InlineData("10.0.0.1.5")]
    [InlineData("fe80::1%4")]
    [InlineData("dpm01.contoso.com")]
    [InlineData("10.0.0.1-")]
    public void AnythingThatIsNotAnAddressIsRefusedWithTheFix(string entry)
    {
        Assert.False(AddressSet.TryParse([entry], out _, out var problem));
        Assert.Equal(new ParseProblem(0, $"\"{entry}\", which is not an address; {Fix}"), problem);
    }

    [Theory]
    [InlineData("10.0.0.0/33", "\"10.0.0.0/33\", whose subnet is neither a prefix length from 0 to 32 nor a mask such as 255.255.255.0; use one of those")]
    [InlineData("10.0.0.0/255.0.255.0", "\"10.0.0.0/255.0.255.0\", whose subnet is neither a prefix length from 0 to 32 nor a mask such as 255.255.255.0; use one of those")]
    [InlineData("fe80::/129", "\"fe80::/129\", whose prefix length is not from 0 to 128; use one in that range")]
    [InlineData("10.0.0.9-10.0.0.1", "the range 10.0.0.9-10.0.0.1, which runs backwards; write it low to high: \"10.0.0.1-10.0.0.9\"")]
    [InlineData("10.0.0.1-::1", "the range 10.0.0.1-::1, which mixes IPv4 and IPv6; give each family its own range")]
    [InlineData("", "an empty entry; remove the extra comma")]
    public void MalformedSubnetsAndRangesSayWhatIsWrong(string entry, string message)
    {
        Assert.False(AddressSet.TryParse(["10.0.0.1", entry], out _, out var problem));
        Assert.Equal(new ParseProblem(1, message), problem);
    }

    [Fact]
    public void AnyTogetherWithAddressesIsRefused()
    {
        Assert.False(AddressSet.TryParse(["10.0.0.1", "*"], out _, out var problem));
        Assert.Equal(ParseProblem.WholeList, problem!.EntryIndex);
    }

    [Fact]
    public void EqualSetsHaveEqualHashCodes()
    {
        Assert.Equal(AddressSet.Parse("10.0.0.1", "DNS").GetHashCode(), AddressSet.Parse("dns", "10.0.0.1/32").GetHashCode());
    }
}
