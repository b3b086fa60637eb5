using BackupReconciler.Host;

namespace BackupReconciler.Tests.Host;

/// <summary>
/// Account and group names against Windows' documentation, not against the code's own table: the
/// well-known SIDs (Microsoft's "Well-known security identifiers in Windows operating systems",
/// KB 243330, and the WELL_KNOWN_SID_TYPE list) with the names Windows shows for them, and the
/// service accounts' names the Service Control Manager documents ("LocalSystem account": ".\LocalSystem",
/// "LocalSystem" or "ComputerName\LocalSystem"; "LocalService account": "NT AUTHORITY\LocalService";
/// "NetworkService account": "NT AUTHORITY\NetworkService"; each "does not have a password").
/// Every spelling of one SID is the same principal; spellings of different SIDs never are.
/// </summary>
public sealed class WellKnownAccountsTests
{
    private const string Computer = "DPM01";

    /// <summary>Written from the documentation: SID, then every name Windows gives or accepts for it.</summary>
    private static readonly (string Sid, string[] Names)[] Documented =
    [
        ("S-1-5-18", [@"NT AUTHORITY\SYSTEM", "SYSTEM", "LocalSystem", @".\LocalSystem", Computer + @"\LocalSystem"]),
        ("S-1-5-19", [@"NT AUTHORITY\LOCAL SERVICE", @"NT AUTHORITY\LocalService", "LOCAL SERVICE", "LocalService"]),
        ("S-1-5-20", [@"NT AUTHORITY\NETWORK SERVICE", @"NT AUTHORITY\NetworkService", "NETWORK SERVICE", "NetworkService"]),
        ("S-1-5-32-544", [@"BUILTIN\Administrators", "Administrators"]),
        ("S-1-5-32-545", [@"BUILTIN\Users", "Users"]),
        ("S-1-5-32-549", [@"BUILTIN\Server Operators", "Server Operators"]),
        ("S-1-5-32-551", [@"BUILTIN\Backup Operators", "Backup Operators"]),
        ("S-1-1-0", ["Everyone", @"\Everyone"]),
        ("S-1-5-11", [@"NT AUTHORITY\Authenticated Users"]),
        ("S-1-5-6", [@"NT AUTHORITY\SERVICE"]),
        ("S-1-5-80-0", [@"NT SERVICE\ALL SERVICES"]),
    ];

    /// <summary>The three accounts the SCM documents as having no password.</summary>
    private static readonly string[] ServiceAccountSids = ["S-1-5-18", "S-1-5-19", "S-1-5-20"];

    public static TheoryData<string> Sids => new(Documented.Select(d => d.Sid));

    [Theory]
    [MemberData(nameof(Sids))]
    public void EveryDocumentedNameOfOneSidIsTheSamePrincipalInAnyCase(string sid)
    {
        var names = Documented.Single(d => d.Sid == sid).Names;
        var spellings = names.Concat(names.Select(n => n.ToUpperInvariant())).Concat(names.Select(n => n.ToLowerInvariant())).ToList();

        foreach (var a in spellings)
        {
            Assert.All(spellings, b => Assert.True(PrincipalName.AreSame(a, b, Computer), $"{sid}: \"{a}\" and \"{b}\" name one principal"));
        }
    }

    [Theory]
    [MemberData(nameof(Sids))]
    public void NoNameOfOneSidIsTheSamePrincipalAsANameOfAnother(string sid)
    {
        var mine = Documented.Single(d => d.Sid == sid).Names;
        var others = Documented.Where(d => d.Sid != sid).SelectMany(d => d.Names).ToList();

        Assert.NotEmpty(others);
        foreach (var name in mine)
        {
            Assert.All(others, other => Assert.False(PrincipalName.AreSame(name, other, Computer), $"{sid}: \"{name}\" is not \"{other}\""));
            Assert.All(others, other => Assert.False(AccountName.AreSame(name, other, Computer), $"{sid}: \"{name}\" is not the account \"{other}\""));
        }
    }

    [Theory]
    [InlineData("S-1-5-18")]
    [InlineData("S-1-5-19")]
    [InlineData("S-1-5-20")]
    public void EveryNameOfAServiceAccountIsThatAccountAndNeedsNoPassword(string sid)
    {
        var names = Documented.Single(d => d.Sid == sid).Names;

        Assert.All(names, name =>
        {
            Assert.True(AccountName.AreSame(name, names[0], Computer), $"{sid}: the account \"{name}\" is \"{names[0]}\"");
            Assert.True(AccountName.NeedsNoPassword(name, Computer), $"{sid}: \"{name}\" has no password");
        });
    }

    [Fact]
    public void ThePrincipalsThatAreNotServiceAccountsNeedAPasswordOrAreGroups()
    {
        var notAccounts = Documented.Where(d => !ServiceAccountSids.Contains(d.Sid) && d.Sid != "S-1-5-80-0").SelectMany(d => d.Names).ToList();

        Assert.NotEmpty(notAccounts);
        Assert.All(notAccounts, name => Assert.False(AccountName.NeedsNoPassword(name, Computer), name));
    }
}
