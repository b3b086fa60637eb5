using System.Globalization;
using System.Runtime.Versioning;
using BackupReconciler.Host.Registry;
using BackupReconciler.Windows.Registry;
using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Registry;

/// <summary>
/// The registry adapter's values against .reg export text, the format regedit writes (Microsoft's
/// "How to add, modify, or delete registry subkeys and values by using a .reg file": dword:, hex:,
/// hex(0) REG_NONE, hex(1) REG_SZ, hex(2) REG_EXPAND_SZ, hex(5) REG_DWORD_BIG_ENDIAN, hex(7)
/// REG_MULTI_SZ, hex(b) REG_QWORD; strings UTF-16LE, each ending in a NUL, a multi-string's list
/// ending in one more; numbers little-endian). The expected bytes are written here from that format,
/// and compared with the bytes the registry itself stores, below Microsoft.Win32's typed view.
/// </summary>
[SupportedOSPlatform("windows")]
[LaneArea("registry")]
public sealed class RegExportEncodingTests : IDisposable
{
    private readonly TestRegistryKey _key = new();
    private readonly WindowsRegistry _registry = new();

    /// <summary>An export line and the port's value it stands for.</summary>
    public static TheoryData<string, string> Exports => new()
    {
        { "hex(1):44,00,50,00,4d,00,00,00", "string:DPM" },
        { "hex(2):25,00,50,00,46,00,25,00,5c,00,78,00,00,00", @"expandString:%PF%\x" },
        { "hex(7):61,00,00,00,62,00,20,00,63,00,00,00,00,00", "multiString:a|b c" },
        { "hex:00,01,fe,ff", "binary:0001FEFF" },
        { "dword:00001c20", "dword:7200" },
        { "dword:fffffffe", "dword:4294967294" },
        { "hex(b):01,00,00,00,00,00,00,80", "qword:9223372036854775809" },
    };

    [LiveWindowsTheory]
    [MemberData(nameof(Exports))]
    public void AValueWrittenThroughTheAdapterIsStoredAsItsRegExportSays(string export, string value)
    {
        _registry.SetValue(_key.Path, RegistryView.Registry64, "V", Value(value));

        var (type, bytes) = TestRegistryRaw.Read(_key.SubKey, "V");

        Assert.Equal(Parse(export), (type, Hex(bytes)));
    }

    [LiveWindowsTheory]
    [MemberData(nameof(Exports))]
    public void AValueStoredAsItsRegExportSaysIsReadAsThatValue(string export, string value)
    {
        var (type, hex) = Parse(export);
        TestRegistryRaw.Write(_key.SubKey, "V", type, Bytes(hex));

        Assert.Equal(Value(value), _registry.ReadKey(_key.Path, RegistryView.Registry64)!["V"]);
    }

    [LiveWindowsTheory]
    [InlineData("hex(0):01,02")]
    [InlineData("hex(5):00,00,1c,20")]
    public void KindsBeyondTheSixReadAsPresentWithTheirTypeNumberAndBytesAndStayAsStored(string export)
    {
        var (type, hex) = Parse(export);
        TestRegistryRaw.Write(_key.SubKey, "Other", type, Bytes(hex));
        _registry.SetValue(_key.Path, RegistryView.Registry64, "Kept", RegistryValue.DWord(1));

        var read = _registry.ReadKey(_key.Path, RegistryView.Registry64)!;

        Assert.Equal(["Kept", "Other"], read.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(RegistryValue.Other(type, Bytes(hex)), read["Other"]);
        Assert.Equal((type, hex), (TestRegistryRaw.Read(_key.SubKey, "Other").Type, Hex(TestRegistryRaw.Read(_key.SubKey, "Other").Bytes)));
    }

    public void Dispose() => _key.Dispose();

    /// <summary>A .reg data part → the registry type and the bytes, as the format defines them.</summary>
    private static (uint Type, string Hex) Parse(string export)
    {
        if (export.StartsWith("dword:", StringComparison.Ordinal))
        {
            var number = uint.Parse(export["dword:".Length..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return (4, Hex(BitConverter.IsLittleEndian ? BitConverter.GetBytes(number) : [.. BitConverter.GetBytes(number).Reverse()]));
        }

        var colon = export.IndexOf(':', StringComparison.Ordinal);
        var head = export[..colon];
        var type = head == "hex" ? 3u : uint.Parse(head["hex(".Length..^1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (type, export[(colon + 1)..].Replace(",", "", StringComparison.Ordinal).ToUpperInvariant());
    }

    private static RegistryValue Value(string text)
    {
        var (kind, data) = (text[..text.IndexOf(':', StringComparison.Ordinal)], text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        return kind switch
        {
            "string" => RegistryValue.String(data),
            "expandString" => RegistryValue.ExpandString(data),
            "multiString" => RegistryValue.MultiString(data.Split('|')),
            "binary" => RegistryValue.Binary(Convert.FromHexString(data)),
            "dword" => RegistryValue.DWord(uint.Parse(data, CultureInfo.InvariantCulture)),
            _ => RegistryValue.QWord(ulong.Parse(data, CultureInfo.InvariantCulture)),
        };
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex);
}
