using BackupReconciler.Host;
using BackupReconciler.Host.Firewall;

namespace BackupReconciler.Tests.Host.Firewall;

public sealed class ProfileSetTests
{
    [Fact]
    public void AnyIsAllThreeProfiles()
    {
        Assert.Equal(ProfileSet.Any, ProfileSet.Parse("public", "Domain", "PRIVATE"));
        Assert.Equal(["any"], ProfileSet.Parse("domain,private,public").Entries);
    }

    [Fact]
    public void ProfilesCompareAsSetsAndKeepACanonicalOrder()
    {
        Assert.Equal(ProfileSet.Parse("private", "domain"), ProfileSet.Parse("Domain,Private,domain"));
        Assert.Equal(["domain", "private"], ProfileSet.Parse("private", "domain").Entries);
        Assert.NotEqual(ProfileSet.Parse("domain"), ProfileSet.Any);
    }

    [Fact]
    public void AnyAlongsideAProfileIsStillAny()
    {
        Assert.Equal(ProfileSet.Any, ProfileSet.Parse("domain", "any"));
    }

    [Fact]
    public void AnEmptyListIsAMistakeBecauseARuleAlwaysHasAProfile()
    {
        Assert.False(ProfileSet.TryParse([], out _, out var problem));
        Assert.Equal(new ParseProblem(ParseProblem.WholeList, "no profile; use \"any\", or some of domain, private, public"), problem);
    }

    [Fact]
    public void AnUnknownProfileIsNamed()
    {
        Assert.False(ProfileSet.TryParse(["domain", "work"], out _, out var problem));
        Assert.Equal(new ParseProblem(1, "\"work\", which is not a profile; use any, domain, private or public"), problem);
    }
}
