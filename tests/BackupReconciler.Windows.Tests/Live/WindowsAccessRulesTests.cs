using System.Runtime.Versioning;
using System.Security.Principal;
using BackupReconciler.Host;
using BackupReconciler.Host.AccessRules;
using BackupReconciler.Windows.AccessRules;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Live;

/// <summary>The access rules adapter on a folder the test owns: rules read by SID, added once, merged as Windows merges them.</summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsAccessRulesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "BRTest-acl-" + Guid.NewGuid().ToString("N"));
    private readonly WindowsAccessRules _rules = new();

    public WindowsAccessRulesTests()
    {
        Directory.CreateDirectory(_folder);
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Acl)]
    public void AnAddedRuleIsReadBackByItsAccountsWindowsName()
    {
        var users = new SecurityIdentifier(WellKnownSidType.BuiltinUsersSid, null).Translate(typeof(NTAccount)).Value;

        _rules.Add(_folder, new FileAccessRule(users, FileRights.Modify, AccessRuleType.Allow, Inherit: true));
        _rules.Add(_folder, new FileAccessRule("S-1-5-32-545", FileRights.Read, AccessRuleType.Allow, Inherit: true));

        var list = _rules.Read(_folder)!;
        Assert.True(list.IsFolder);
        var explicitRules = list.Rules.Where(r => r.Identity == users && r.Inherit && r.Rights == FileRights.Modify).ToList();
        Assert.Single(explicitRules);
        Assert.Null(_rules.Read(Path.Combine(_folder, "missing")));
    }

    [LiveWindowsFact(SkipUnderWine = WineLacks.Acl)]
    public void AnUnknownAccountIsWindowsOwnNoMappingError()
    {
        var e = Assert.Throws<HostOperationException>(() => _rules.Add(_folder, new FileAccessRule(@"NOSUCHDOMAIN\BRTestNobody", FileRights.Read, AccessRuleType.Allow, false)));

        Assert.Contains("(1332)", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
