using System.Text.RegularExpressions;
using BackupReconciler.Baselines.References;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Baselines.References;

public sealed class SeedArticlesTests
{
    public static TheoryData<string> ShippedBaselines()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.File("baselines"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedBaselines))]
    public void EveryReferenceOfEveryShippedBaselineResolvesToAnArticleOfTheTable(string file)
    {
        var resources = (JArray?)JObject.Parse(File.ReadAllText(Repository.File(file)))["resources"] ?? [];

        foreach (var resource in resources)
        {
            var citations = Citation.Parse((string?)resource["reference"]);
            Assert.True(citations.Count > 0, $"{file}: {resource["id"]} cites no seed file");
            Assert.All(citations, c => Assert.True(c.Article is not null, $"{file}: {resource["id"]} cites {c.Seed}, which the table does not know"));
        }
    }

    [Fact]
    public void ACitationGivesTheArticleAndTheSectionWithoutRepeatingItsKbNumber()
    {
        var citations = Citation.Parse("000_4b8fb8a1776333a5.txt (KB 4456295, Check the logon account credentials, step 6); 004_2de3770e29f1c242.txt");

        Assert.Equal(2, citations.Count);
        Assert.Equal("4456295", citations[0].Article!.Kb);
        Assert.Equal("Check the logon account credentials, step 6", citations[0].Section);
        Assert.Equal("Troubleshoot System State Backup", citations[1].Article!.Title);
        Assert.Null(citations[1].Section);
    }

    [Fact]
    public void AKbNumberOtherThanTheArticlesStaysInTheSection()
    {
        var citation = Citation.Parse("000_4b8fb8a1776333a5.txt (KB 2930276, the SQL Agent fix)").Single();

        Assert.Equal("KB 2930276, the SQL Agent fix", citation.Section);
    }

    [Fact]
    public void FreeTextAndUnknownSeedsAreNotTakenForArticles()
    {
        Assert.Empty(Citation.Parse("our change ticket 42"));
        Assert.Null(Citation.Parse("999_0000000000000000.txt").Single().Article);
    }

    [SeedsFact]
    public void TheTableHasExactlyTheSeedFiles()
    {
        var files = Directory.EnumerateFiles(SeedsFactAttribute.Folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(files, SeedArticles.All.Select(a => a.Seed).Order(StringComparer.Ordinal));
    }

    /// <summary>Nothing in the table is invented: each KB number and address is in the article's own text, and an article without them has none.</summary>
    [SeedsFact]
    public void EachKbNumberAndAddressIsCopiedFromTheSeedText()
    {
        foreach (var article in SeedArticles.All)
        {
            var text = File.ReadAllText(Path.Combine(SeedsFactAttribute.Folder, article.Seed));
            var kb = Regex.Match(text, @"Original KB number:_\s*(?:&nbsp;)?\s*(\d+)");
            Assert.Equal(kb.Success ? kb.Groups[1].Value : null, article.Kb);
            Assert.Contains(article.Title, text, StringComparison.Ordinal);
            if (article.Url is { } url)
            {
                Assert.Contains(url + "#", text, StringComparison.Ordinal);
            }
        }
    }
}
