using BackupReconciler.Cli;
using BackupReconciler.Cli.CommandLine;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Cli.CommandLine;

/// <summary>The verb registrations say what each verb is, may change and works on; the application acts on those, so they must be true.</summary>
public sealed class VerbCatalogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryKindOfVerbHasExactlyOneRegistration()
    {
        Assert.Equal(Enum.GetValues<VerbKind>(), VerbCatalog.All.Select(v => v.Kind).Order());
    }

    /// <summary>History tells an undo run from the journal's command; a renamed verb must not make undos look like applies.</summary>
    [Fact]
    public void TheCommandAJournalRecordsNamesItsVerbAndNoOther()
    {
        Assert.All(VerbCatalog.All.Where(v => v.Subverb is null), verb => Assert.Equal(verb.Kind, VerbCatalog.KindOfCommand(verb.Word)));
        Assert.Equal(VerbKind.Undo, VerbCatalog.KindOfCommand("undo"));
        Assert.Null(VerbCatalog.KindOfCommand("Undo"));
        Assert.Null(VerbCatalog.KindOfCommand("undone"));
        Assert.Null(VerbCatalog.KindOfCommand(null));
    }

    [Fact]
    public void OnlyApplyUndoAndWatchTakeTheLockAndJournalTheirChanges()
    {
        Assert.Equal(["apply", "undo", "watch"], VerbCatalog.All.Where(v => v.ChangesHostUnderJournal && !v.OwnParser).Select(v => v.Name));
    }

    public static TheoryData<string> ReadOnlyHostVerbs() =>
        [.. VerbCatalog.All.Where(v => v.Effect == VerbEffect.ReadOnly && v.Subject == VerbSubject.Host && !v.OwnParser).Select(v => v.Name)];

    public static TheoryData<string> ChangingHostVerbs() =>
        [.. VerbCatalog.All.Where(v => v.Effect != VerbEffect.ReadOnly && v.Subject == VerbSubject.Host && !v.OwnParser && v.Takes != VerbArgument.RunId).Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(ReadOnlyHostVerbs))]
    public void AVerbDeclaredReadOnlyLeavesTheHostAndTheStateDirectoryAsTheyWere(string verb) => AssertChangesNothing(verb, whatIf: false);

    [Theory]
    [MemberData(nameof(ChangingHostVerbs))]
    public void AVerbThatChangesTheHostChangesNothingWithWhatIf(string verb) => AssertChangesNothing(verb, whatIf: true);

    private void AssertChangesNothing(string verb, bool whatIf)
    {
        var spec = VerbCatalog.All.Single(v => v.Name == verb);
        var snapshot = _folder.Combine("host.json");
        File.Copy(Repository.File("samples/dpm-protected-server.drifted.json"), snapshot, overwrite: true);
        var before = File.ReadAllBytes(snapshot);
        var state = _folder.Combine("state");
        List<string> args = [.. verb.Split(' ')];
        if (spec.Takes is VerbArgument.Baseline or VerbArgument.Baselines or VerbArgument.BaselinesOrNone)
        {
            args.Add(Repository.File("baselines/dpm-protected-server.json"));
        }

        args.AddRange(["--snapshot", snapshot, "--state-dir", state]);
        if (spec.TakesOption(OptionSpecs.Out))
        {
            args.AddRange(["--out", _folder.Combine("report")]);
        }

        if (spec.TakesOption(OptionSpecs.Interval))
        {
            args.AddRange(["--interval", "1s", "--runs", "1"]);
        }

        if (whatIf)
        {
            args.Add("--what-if");
        }

        var stderr = new StringWriter();
        var exit = new CliApplication(new StringWriter(), stderr, TimeProvider.System) { ScheduledProgram = new BackupReconciler.Cli.Schedule.ProgramInvocation(@"C:\br.exe", []) }
            .Run([.. args]);

        Assert.True(exit is 0 or 2, $"{verb} exited {exit}: {stderr}");
        Assert.Equal(before, File.ReadAllBytes(snapshot));
        Assert.False(Directory.Exists(Path.Combine(state, "runs")) && Directory.EnumerateFileSystemEntries(Path.Combine(state, "runs")).Any(), $"{verb} wrote a journal");
    }
}
