using BackupReconciler.Engine;
using BackupReconciler.Engine.Journal;

namespace BackupReconciler.Tests.Engine;

/// <summary>
/// The journal's end line carries every count of the run's summary: `runs` and the next run's report read them
/// back. The summary is written member by member (no reflection, for the Native AOT build), so a count added
/// to <see cref="RunSummary"/> and forgotten there is what this catches.
/// </summary>
public sealed class JournalSummaryTests
{
    [Fact]
    public void EveryCountOfTheSummaryIsWrittenUnderItsCamelCaseName()
    {
        var members = typeof(RunSummary).GetConstructors().Single().GetParameters();
        // Distinct values, so a count written under another's name shows.
        var summary = (RunSummary)typeof(RunSummary).GetConstructors().Single().Invoke(members.Select((_, i) => (object?)(i + 11)).ToArray());

        var json = FileRunJournal.SummaryJson(summary);

        Assert.Equal(members.Select(m => char.ToLowerInvariant(m.Name![0]) + m.Name[1..]), json.Properties().Select(p => p.Name));
        Assert.Equal(members.Select((_, i) => i + 11), json.Properties().Select(p => (int)p.Value));
    }
}
