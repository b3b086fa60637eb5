using System.Net;
using System.Net.Sockets;

namespace BackupReconciler.Host.Firewall;

/// <summary>
/// IP addresses <see cref="Low"/> to <see cref="High"/> of one family, inclusive: a single address,
/// a subnet and a range are all this, so 10.0.0.1 and 10.0.0.1/32 are the same range.
/// </summary>
public readonly record struct AddressRange(AddressFamily Family, UInt128 Low, UInt128 High)
{
    public int Bits => Family == AddressFamily.InterNetwork ? 32 : 128;

    /// <summary>Canonical spelling: an address, a subnet by prefix (10.0.0.0/24), or low-high.</summary>
    public override string ToString()
    {
        if (Low == High)
        {
            return Format(Low);
        }

        return PrefixLength() is { } prefix ? $"{Format(Low)}/{prefix}" : $"{Format(Low)}-{Format(High)}";
    }

    /// <summary>The prefix length when the range is exactly one subnet, else null.</summary>
    private int? PrefixLength()
    {
        var size = High - Low;
        if ((size & (size + 1)) != 0 || (Low & size) != 0)
        {
            return null;
        }

        return Bits - (int)UInt128.PopCount(size);
    }

    private string Format(UInt128 value)
    {
        var bytes = new byte[Bits / 8];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }
}
