using System.Globalization;

namespace BackupReconciler.Host.Firewall;

/// <summary>Ports <see cref="Low"/> to <see cref="High"/>, inclusive; a single port is a range of one.</summary>
public readonly record struct PortRange(int Low, int High)
{
    public const int MaxPort = 65535;

    public override string ToString() =>
        Low == High
            ? Low.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Low}-{High}");
}
