using System.Globalization;
using System.Net.Sockets;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Tests.Laws;
using FsCheck;
using FsCheck.Fluent;

namespace BackupReconciler.Tests.Host.Firewall;

/// <summary>
/// Port and address sets against a brute-force expansion written here: every port (0-65535) or
/// every address of a small universe is tested against every entry, one by one, with no intervals,
/// masks or merging of the code's. Two sets are equal exactly when they cover the same things, and
/// each set's ranges cover exactly what its entries do (FsCheck, fixed seed).
/// </summary>
public sealed class SetExpansionTests
{
    private static readonly Config Checked = Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true);

    /// <summary>Ports near the bottom and the top of the range, so entries overlap and touch often.</summary>
    private static readonly Gen<string> PortEntry = Gen.OneOf(
        from port in Gen.Choose(0, 40) select Number(port),
        from low in Gen.Choose(0, 40) from length in Gen.Choose(0, 12) select $"{Number(low)}-{Number(low + length)}",
        from port in Gen.Choose(65525, 65535) select Number(port),
        from low in Gen.Choose(65520, 65535) select $"{Number(low)}-65535");

    private static readonly Gen<string[]> PortEntries = from count in Gen.Choose(1, 5) from entries in ResourceGenerators.Each(count, _ => PortEntry) select entries;

    [Fact]
    public void TwoPortSetsAreEqualExactlyWhenTheyCoverTheSamePorts()
    {
        var pairs = from a in PortEntries from b in Gen.Frequency((1, PortEntries), (1, Resplit(a))) select (a, b);

        Check.One(Checked, Prop.ForAll(Arb.From(pairs), pair =>
        {
            var (a, b) = pair;
            var (left, right) = (PortSet.Parse(a), PortSet.Parse(b));
            var same = Ports(a).SetEquals(Ports(b));

            Assert.True(same == left.Equals(right), $"[{string.Join(",", a)}] vs [{string.Join(",", b)}]: covers the same ports: {same}");
            Assert.True(!same || left.GetHashCode() == right.GetHashCode(), "equal sets hash alike");
        }));
    }

    [Fact]
    public void APortSetsRangesCoverExactlyThePortsItsEntriesCover()
    {
        Check.One(Checked, Prop.ForAll(Arb.From(PortEntries), entries =>
        {
            var set = PortSet.Parse(entries);
            var covered = set.Ranges.SelectMany(r => Enumerable.Range(r.Low, r.High - r.Low + 1)).ToHashSet();

            Assert.True(Ports(entries).SetEquals(covered), $"[{string.Join(",", entries)}] → {set}");
            Assert.Equal(set, PortSet.Parse([.. set.Entries]));
        }));
    }

    /// <summary>IPv4 entries inside 10.0.0.0-10.0.1.255 (addresses, prefixes, masks, host bits set, ranges) and IPv6 inside fd00::/119.</summary>
    private static readonly Gen<string> AddressEntry = Gen.OneOf(
        from host in Gen.Choose(0, 511) select V4(host),
        from host in Gen.Choose(0, 511) from prefix in Gen.Choose(23, 32) select $"{V4(host)}/{Number(prefix)}",
        from host in Gen.Choose(0, 511) from prefix in Gen.Choose(23, 32) select $"{V4(host)}/{Mask(prefix)}",
        from low in Gen.Choose(0, 511) from length in Gen.Choose(0, 40) select $"{V4(low)}-{V4(Math.Min(511, low + length))}",
        from host in Gen.Choose(0, 511) select V6(host),
        from host in Gen.Choose(0, 511) from prefix in Gen.Choose(119, 128) select $"{V6(host)}/{Number(prefix)}");

    private static readonly Gen<string[]> AddressEntries = from count in Gen.Choose(1, 4) from entries in ResourceGenerators.Each(count, _ => AddressEntry) select entries;

    [Fact]
    public void TwoAddressSetsAreEqualExactlyWhenTheyCoverTheSameAddresses()
    {
        var pairs = from a in AddressEntries from b in Gen.Frequency((1, AddressEntries), (1, AddressesOf(a))) select (a, b);

        Check.One(Checked, Prop.ForAll(Arb.From(pairs), pair =>
        {
            var (a, b) = pair;
            var same = Addresses(a).SetEquals(Addresses(b));

            Assert.True(same == AddressSet.Parse(a).Equals(AddressSet.Parse(b)), $"[{string.Join(",", a)}] vs [{string.Join(",", b)}]: covers the same addresses: {same}");
        }));
    }

    [Fact]
    public void AnAddressSetsRangesCoverExactlyTheAddressesItsEntriesCover()
    {
        Check.One(Checked, Prop.ForAll(Arb.From(AddressEntries), entries =>
        {
            var set = AddressSet.Parse(entries);
            var covered = Universe().Where(u => set.Ranges.Any(r => r.Family == u.Family && r.Low <= u.Value && u.Value <= r.High)).ToHashSet();

            Assert.True(Addresses(entries).SetEquals(covered), $"[{string.Join(",", entries)}] → {set}");
            Assert.Equal(set, AddressSet.Parse([.. set.Entries]));
        }));
    }

    /// <summary>The same ports written another way: each covered port on its own, in another order.</summary>
    private static Gen<string[]> Resplit(string[] entries) =>
        Gen.Shuffle(Ports(entries).Select(Number).ToArray()).Select(ports => ports.ToArray());

    /// <summary>The same addresses written another way: each run of consecutive covered addresses as one range, in another order.</summary>
    private static Gen<string[]> AddressesOf(string[] entries)
    {
        var runs = new List<string>();
        foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        {
            var (head, write) = family == AddressFamily.InterNetwork ? ((UInt128)V4Base, (Func<int, string>)V4) : (V6Base, (Func<int, string>)V6);
            var offsets = Addresses(entries).Where(a => a.Family == family).Select(a => (int)(a.Value - head)).Order().ToList();
            for (var i = 0; i < offsets.Count;)
            {
                var j = i;
                while (j + 1 < offsets.Count && offsets[j + 1] == offsets[j] + 1)
                {
                    j++;
                }

                runs.Add(i == j ? write(offsets[i]) : $"{write(offsets[i])}-{write(offsets[j])}");
                i = j + 1;
            }
        }

        return Gen.Shuffle(runs.ToArray()).Select(all => all.ToArray());
    }

    /// <summary>Brute force: every port 0-65535 tested against every entry.</summary>
    private static HashSet<int> Ports(IEnumerable<string> entries)
    {
        var list = entries.Select(e => e.Split('-')).Select(p => (Low: int.Parse(p[0], CultureInfo.InvariantCulture), High: int.Parse(p[^1], CultureInfo.InvariantCulture))).ToList();
        return Enumerable.Range(0, 65536).Where(port => list.Any(e => e.Low <= port && port <= e.High)).ToHashSet();
    }

    private const uint V4Base = 10u << 24;

    private static readonly UInt128 V6Base = (UInt128)0xfd00 << 112;

    /// <summary>Every address of the universe: 10.0.0.0-10.0.1.255 and fd00::0-fd00::1ff, as numbers.</summary>
    private static IEnumerable<(AddressFamily Family, UInt128 Value)> Universe() =>
        Enumerable.Range(0, 512).Select(i => (AddressFamily.InterNetwork, (UInt128)(V4Base + (uint)i)))
            .Concat(Enumerable.Range(0, 512).Select(i => (AddressFamily.InterNetworkV6, V6Base + (uint)i)));

    /// <summary>Brute force: every address of the universe tested against every entry by comparing its leading bits, or its place in a range.</summary>
    private static HashSet<(AddressFamily Family, UInt128 Value)> Addresses(IEnumerable<string> entries)
    {
        var covers = entries.Select(Covers).ToList();
        return Universe().Where(u => covers.Any(c => c(u))).ToHashSet();
    }

    private static Func<(AddressFamily Family, UInt128 Value), bool> Covers(string entry)
    {
        var v6 = entry.Contains(':', StringComparison.Ordinal);
        var family = v6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        if (entry.Contains('-', StringComparison.Ordinal))
        {
            var ends = entry.Split('-').Select(e => v6 ? V6Offset(e) : V4Value(e)).ToArray();
            return u => u.Family == family && ends[0] <= u.Value && u.Value <= ends[1];
        }

        var parts = entry.Split('/');
        var bits = v6 ? 128 : 32;
        var prefix = parts.Length == 1 ? bits
            : parts[1].Contains('.', StringComparison.Ordinal) ? parts[1].Split('.').Sum(o => Convert.ToString(int.Parse(o, CultureInfo.InvariantCulture), 2).Count(c => c == '1'))
            : int.Parse(parts[1], CultureInfo.InvariantCulture);
        var address = v6 ? V6Offset(parts[0]) : V4Value(parts[0]);
        bool SameLeadingBits(UInt128 value) => Enumerable.Range(bits - prefix, prefix).All(bit => ((value >> bit) & 1) == ((address >> bit) & 1));
        return u => u.Family == family && SameLeadingBits(u.Value);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string V4(int host) => $"10.0.{Number(host / 256)}.{Number(host % 256)}";

    private static UInt128 V4Value(string text) => text.Split('.').Aggregate(UInt128.Zero, (n, o) => (n << 8) | uint.Parse(o, CultureInfo.InvariantCulture));

    private static string Mask(int prefix) => string.Join('.', Enumerable.Range(0, 4).Select(i => Number(Math.Clamp(prefix - 8 * i, 0, 8) switch { 0 => 0, var b => 256 - (1 << (8 - b)) })));

    /// <summary>fd00::N written plainly.</summary>
    private static string V6(int host) => $"fd00::{host.ToString("x", CultureInfo.InvariantCulture)}";

    private static UInt128 V6Offset(string text) => V6Base + UInt128.Parse(text["fd00::".Length..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
