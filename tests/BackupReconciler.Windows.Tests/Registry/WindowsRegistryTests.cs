using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using BackupReconciler.Host;
using BackupReconciler.Host.Registry;
using BackupReconciler.Windows.Registry;
using BackupReconciler.Windows.Tests.Lane;
using BackupReconciler.Windows.Tests.Support;
using Microsoft.Win32;
using PortView = BackupReconciler.Host.Registry.RegistryView;

namespace BackupReconciler.Windows.Tests.Registry;

/// <summary>The registry adapter against the real registry, on a key the test owns.</summary>
[SupportedOSPlatform("windows")]
[LaneArea("registry")]
public sealed class WindowsRegistryTests : IDisposable
{
    private readonly TestRegistryKey _key = new();
    private readonly WindowsRegistry _registry = new();

    private static readonly RegistryValue[] EveryKind =
    [
        RegistryValue.String("DPM agent"),
        RegistryValue.ExpandString(@"%ProgramFiles%\Microsoft Data Protection Manager"),
        RegistryValue.MultiString(["first", "", "third with spaces"]),
        RegistryValue.MultiString([]),
        RegistryValue.Binary([0x00, 0x01, 0xFE, 0xFF]),
        RegistryValue.Binary([]),
        RegistryValue.DWord(7200),
        RegistryValue.DWord(uint.MaxValue),
        RegistryValue.QWord(0),
        RegistryValue.QWord(ulong.MaxValue),
    ];

    [LiveWindowsFact]
    public void EverySixKindsRoundTripExactlyIncludingTheUnsignedExtremes()
    {
        var written = EveryKind.Select((value, i) => (Name: "V" + i, Value: value)).ToList();
        foreach (var (name, value) in written)
        {
            _registry.SetValue(_key.Path, PortView.Registry64, name, value);
        }

        var read = _registry.ReadKey(_key.Path, PortView.Registry64)!;

        Assert.Equal(written.Count, read.Count);
        Assert.All(written, w => Assert.Equal(w.Value, read[w.Name]));
    }

    /// <summary>REG_NONE, REG_DWORD_BIG_ENDIAN, REG_LINK, the three resource-list kinds, numbers no header names, and malformed DWORD/QWORD data.</summary>
    public static TheoryData<uint, byte[]> OtherKinds() => new()
    {
        { 0u, [] },
        { 0u, [0x01, 0x02] },
        { 5u, [0x00, 0x00, 0x1C, 0x20] },
        { 6u, [0x5C, 0x00, 0x52, 0x00] },
        { 8u, [0x01, 0x00, 0x00, 0x00] },
        { 9u, [0x09] },
        { 10u, [0x0A, 0x0B] },
        { 4660u, [0xAB, 0xCD] },
        { 0x80000000u, [0xFF] },
        { 4u, [0x01, 0x02] },
        { 11u, [0x01, 0x02, 0x03] },
    };

    [LiveWindowsTheory]
    [MemberData(nameof(OtherKinds))]
    public void AValueOfAnyOtherKindIsReadAsPresentWithItsTypeNumberAndBytesAndWrittenBackExactly(uint type, byte[] bytes)
    {
        _registry.SetValue(_key.Path, PortView.Registry64, "Raw", RegistryValue.Other(type, bytes));

        var read = _registry.ReadKey(_key.Path, PortView.Registry64)!["Raw"];

        Assert.Equal(RegistryValue.Other(type, bytes), read);
        using var hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, Microsoft.Win32.RegistryView.Registry64);
        using var key = hive.OpenSubKey(_key.SubKey)!;
        Assert.Equal(type, RegistryNative.Query(key.Handle, "Raw")!.Value.Type);
        Assert.Equal(bytes, RegistryNative.Query(key.Handle, "Raw")!.Value.Data);
    }

    [LiveWindowsFact]
    public void AREG_NONEValueWrittenByMicrosoftWin32IsReadAsPresentNotMissing()
    {
        using (var hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, Microsoft.Win32.RegistryView.Registry64))
        using (var key = hive.CreateSubKey(_key.SubKey, writable: true))
        {
            key.SetValue("Empty", new byte[] { 0x07 }, Microsoft.Win32.RegistryValueKind.None);
        }

        Assert.Equal(RegistryValue.Other(0, [0x07]), _registry.ReadKey(_key.Path, PortView.Registry64)!["Empty"]);
    }

    [LiveWindowsFact]
    public void AnExpandStringIsReadAsStoredNotExpanded()
    {
        _registry.SetValue(_key.Path, PortView.Registry64, "Path", RegistryValue.ExpandString(@"%SystemRoot%\System32"));

        var value = _registry.ReadKey(_key.Path, PortView.Registry64)!["Path"];

        Assert.Equal((Host.Registry.RegistryValueKind.ExpandString, @"%SystemRoot%\System32"), (value.Kind, value.Text));
    }

    [LiveWindowsFact]
    public void DWordAndQWordAreStoredAsWindowsStoresThem()
    {
        _registry.SetValue(_key.Path, PortView.Registry64, "D", RegistryValue.DWord(0xFFFFFFFE));
        _registry.SetValue(_key.Path, PortView.Registry64, "Q", RegistryValue.QWord(0x8000000000000001));

        using var key = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, Microsoft.Win32.RegistryView.Registry64).OpenSubKey(_key.SubKey)!;
        Assert.Equal((Microsoft.Win32.RegistryValueKind.DWord, -2), (key.GetValueKind("D"), (int)key.GetValue("D")!));
        Assert.Equal((Microsoft.Win32.RegistryValueKind.QWord, unchecked((long)0x8000000000000001)), (key.GetValueKind("Q"), (long)key.GetValue("Q")!));
    }

    [LiveWindowsFact]
    public void AKeyThatDoesNotExistReadsAsNull()
    {
        Assert.Null(_registry.ReadKey(_key.Below("Missing"), PortView.Registry64));
    }

    [LiveWindowsFact]
    public void WritingCreatesEveryMissingKeyOnTheWay()
    {
        var deep = _key.Below(@"Microsoft Data Protection Manager\Agent");

        _registry.SetValue(deep, PortView.Registry64, "ConnectionNoActivityTimeout", RegistryValue.DWord(7200));

        Assert.Equal(RegistryValue.DWord(7200), _registry.ReadKey(deep, PortView.Registry64)!["connectionnoactivitytimeout"]);
    }

    [LiveWindowsFact]
    public void DeletingRemovesOnlyThatValueAndDeletingAgainOrInAMissingKeyIsNoError()
    {
        _registry.SetValue(_key.Path, PortView.Registry64, "Gone", RegistryValue.String("x"));
        _registry.SetValue(_key.Path, PortView.Registry64, "Kept", RegistryValue.String("y"));

        _registry.DeleteValue(_key.Path, PortView.Registry64, "GONE");
        _registry.DeleteValue(_key.Path, PortView.Registry64, "Gone");
        _registry.DeleteValue(_key.Below("Missing"), PortView.Registry64, "Gone");

        Assert.Equal(["Kept"], _registry.ReadKey(_key.Path, PortView.Registry64)!.Keys);
    }

    [LiveWindowsFact]
    public void TheThirtyTwoBitViewIsRedirectedUnderWow6432Node()
    {
        _registry.SetValue(_key.Path, PortView.Registry32, "Bits", RegistryValue.DWord(32));

        var redirected = RegistryKeyPath.Parse(@"HKLM\SOFTWARE\WOW6432Node\" + _key.SubKey["SOFTWARE\\".Length..]);
        Assert.Equal(RegistryValue.DWord(32), _registry.ReadKey(_key.Path, PortView.Registry32)!["Bits"]);
        Assert.Equal(RegistryValue.DWord(32), _registry.ReadKey(redirected, PortView.Registry64)!["Bits"]);
        Assert.Null(_registry.ReadKey(_key.Path, PortView.Registry64));
    }

    [LiveWindowsFact]
    public void AWriteTheKeysAclDeniesFailsWithWindowsOwnText()
    {
        _registry.SetValue(_key.Path, PortView.Registry64, "Existing", RegistryValue.String("x"));
        var denySetValue = new RegistryAccessRule(new SecurityIdentifier(WellKnownSidType.WorldSid, null), RegistryRights.SetValue, AccessControlType.Deny);
        ChangeAcl(security => security.AddAccessRule(denySetValue));
        try
        {
            var e = Assert.Throws<HostOperationException>(() => _registry.SetValue(_key.Path, PortView.Registry64, "Existing", RegistryValue.String("y")));

            Assert.Equal($"writing {_key.Path}: {new System.ComponentModel.Win32Exception(5).Message} (5)", e.Message);
        }
        finally
        {
            // Deleting the key needs write access: give it back first.
            ChangeAcl(security => security.RemoveAccessRule(denySetValue));
        }
    }

    private void ChangeAcl(Action<RegistrySecurity> change)
    {
        using var hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, Microsoft.Win32.RegistryView.Registry64);
        using var key = hive.OpenSubKey(_key.SubKey, RegistryKeyPermissionCheck.ReadWriteSubTree, RegistryRights.ReadPermissions | RegistryRights.ChangePermissions)!;
        var security = key.GetAccessControl();
        change(security);
        key.SetAccessControl(security);
    }

    public void Dispose() => _key.Dispose();
}
