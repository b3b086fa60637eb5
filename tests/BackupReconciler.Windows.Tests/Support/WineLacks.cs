namespace BackupReconciler.Windows.Tests.Support;

/// <summary>Why tests of Windows technologies that Wine does not implement are skipped in the Wine lane.</summary>
public static class WineLacks
{
    public const string Wmi = "Wine has no MI (mi.dll), through which WMI is reached, nor WMI providers for Win32_Volume, Win32_ShadowStorage, MSFT_MpPreference or Win32_OptionalFeature";
    public const string Com = "Wine's HNetCfg.FwPolicy2 keeps no rules: INetFwRule's setters are stubs that answer S_OK, its getters answer E_NOTIMPL, and INetFwRules.Add keeps nothing";
    public const string Lsa = "Wine's LSA does not keep user rights assignments (LsaEnumerateAccountsWithUserRight is a stub)";
    public const string EventLog = "Wine has no event log service for EventLogReader's queries";
    public const string Acl = "Wine does not enforce or fully store file security descriptors";
}
