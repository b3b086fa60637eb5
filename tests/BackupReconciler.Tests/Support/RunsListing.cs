using System.Text.RegularExpressions;

namespace BackupReconciler.Tests.Support;

/// <summary>Reads the text of <c>runs</c>: checks its header and gives each row with its column padding collapsed to two blanks.</summary>
public static partial class RunsListing
{
    public const string Header = "run  startedAt  command  baseline  host  outcome";

    public static IReadOnlyList<string> Rows(string listing)
    {
        var lines = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Padding().Replace(l, "  ")).ToList();
        Assert.Equal(Header, lines[0]);
        return lines.Skip(1).ToList();
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Padding();
}
