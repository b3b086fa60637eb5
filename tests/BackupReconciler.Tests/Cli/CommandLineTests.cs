using System.Reflection;
using BackupReconciler.Cli;
using BackupReconciler.Cli.CommandLine;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Cli;

/// <summary>The command line's habits (issue 13): help and version, option forms, response files, and one sentence per mistake.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Baseline => Repository.File("baselines/dpm-protected-server.json");

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new CliApplication(stdout, stderr, TimeProvider.System).Run(args);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string ErrorOf(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        return line;
    }

    public static TheoryData<string> Verbs() => [.. VerbCatalog.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void EveryVerbHasHelpThatNamesEachOfItsOptionsAndAnExample(string verb)
    {
        var spec = VerbCatalog.All.Single(v => v.Name == verb);

        var (exit, output, error) = Run([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains($"backup-reconciler {verb}", output, StringComparison.Ordinal);
        foreach (var option in spec.AllOptions)
        {
            Assert.Contains(option.Name, output, StringComparison.Ordinal);
        }

        Assert.Matches(@"\nExamples?:\n  backup-reconciler " + verb + " ", output);
    }

    [Fact]
    public void HelpCanBeAskedForInTheWaysAdministratorsTypeIt()
    {
        var help = Run("plan", "--help").Out;

        Assert.Equal(help, Run("help", "plan").Out);
        Assert.Equal(help, Run("PLAN", "-h").Out);
        Assert.Equal(help, Run("plan", "/?").Out);
        Assert.Equal(help, Run("plan", Baseline, "--snapshto", "x", "-?").Out);
    }

    [Fact]
    public void TheGeneralHelpListsEveryVerbAndTheExitCodes()
    {
        var (exit, output, _) = Run("--help");

        Assert.Equal(0, exit);
        foreach (var verb in VerbCatalog.All)
        {
            Assert.Matches($"\n  {verb.Word} +", output);
        }

        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
        Assert.Equal(1, Run().Exit);
    }

    [Fact]
    public void TheWrittenOutGeneralHelpIsWhatTheVerbCatalogGives()
    {
        Assert.Equal(ArgumentReader.Default.RootHelp(), GeneralHelp.Text.ReplaceLineEndings("\n") + "\n");
        Assert.Equal(ArgumentReader.Default.RootHelp(), Run("--HELP").Out);
        Assert.Equal(ArgumentReader.Default.RootHelp(), Run("--help").Out);
    }

    [Fact]
    public void VersionIsTheBuildsInformationalVersionWithItsCommit()
    {
        var expected = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var (exit, output, _) = Run("--version");

        Assert.Equal(0, exit);
        Assert.Equal($"backup-reconciler {expected}\n", output);
        // The SDK appends the commit when it builds from git, which is how the tests are built.
        Assert.Matches(@"^\d+\.\d+\.\d+.*\+[0-9a-f]{7,40}$", expected);
    }

    [Theory]
    [InlineData("plan", "B", "--snapshot", "S")]
    [InlineData("plan", "B", "--snapshot=S")]
    [InlineData("plan", "B", "--snapshot:S")]
    [InlineData("plan", "B", "-s", "S")]
    [InlineData("PLAN", "B", "--SNAPSHOT", "S")]
    [InlineData("Plan", "--Snapshot=S", "B")]
    public void AnOptionReadsTheSameInEveryForm(params string[] args)
    {
        var options = CliOptions.Parse([.. args.Select(a => a.Replace("B", Baseline, StringComparison.Ordinal).Replace("=S", "=snap.json", StringComparison.Ordinal).Replace(":S", ":snap.json", StringComparison.Ordinal)).Select(a => a == "S" ? "snap.json" : a)]);

        Assert.Equal((VerbKind.Plan, "plan"), (options.Verb.Kind, options.Command));
        Assert.Equal([Baseline], options.Baselines);
        Assert.Equal("snap.json", options.Snapshot);
    }

    [Fact]
    public void ShortAliasesAndWindowsSpellingsMeanTheLongOptions()
    {
        var options = CliOptions.Parse(["apply", Baseline, "-o", "JSON", "-v", "--WhatIf", "--No-Color", "--var", "A=1", "--VAR", "B=2", "--var-secret=C=3"]);

        Assert.Equal(OutputFormat.Json, options.Output);
        Assert.True(options.Verbose);
        Assert.True(options.WhatIf);
        Assert.True(options.NoColor);
        Assert.Equal(["A", "B", "C"], options.Variables.CommandLine.Select(v => v.Key));
        Assert.Contains("C", options.Variables.SecretNames);
        Assert.False(CliOptions.Parse(["apply", Baseline]).NoColor);
    }

    [Theory]
    [InlineData("--snapshot", "--snapshot")]
    [InlineData("-s", "--snapshot")]
    [InlineData("--OUTPUT", "-o")]
    [InlineData("--verbose", "-v")]
    public void AnOptionGivenTwiceIsAnErrorNotLastWins(string first, string second)
    {
        var value = first is "--verbose" ? Array.Empty<string>() : ["json"];

        var error = ErrorOf(["plan", Baseline, first, .. value, second, .. value]);

        var name = VerbCatalog.All.Single(v => v.Name == "plan").AllOptions.Single(o => o.Spellings.Contains(second)).Name;
        Assert.Equal($"error: {name} is given twice; give it once (the last would not silently win).", error);
    }

    [Theory]
    [InlineData("get", "--output", "junit", "error: --output junit: get writes json only.")]
    [InlineData("test", "--what-if", null, "error: --what-if is not an option of test (only apply, undo, watch, schedule install and schedule remove take it); run backup-reconciler test --help.")]
    [InlineData("plan", "--runs", "3", "error: --runs is not an option of plan (only watch takes it); run backup-reconciler plan --help.")]
    [InlineData("validate", "--out", "x", "error: --out is not an option of validate (only test, plan, apply, get, runs, undo, snapshot, import-reg, detect and history take it); run backup-reconciler validate --help.")]
    [InlineData("watch", "--output", "json", "error: --output is not an option of watch (only test, plan, apply, get, runs, undo, detect and history take it); run backup-reconciler watch --help.")]
    public void AnOptionThatDoesNotApplyToTheVerbIsAnError(string verb, string option, string? value, string expected)
    {
        Assert.Equal(expected, ErrorOf([verb, Baseline, option, .. value is null ? Array.Empty<string>() : [value]]));
    }

    /// <summary>Every option of every verb, given to every verb that does not take it: never suggested back.</summary>
    [Fact]
    public void TheSuggestionIsNeverTheOptionTypedAndAlwaysOneOfTheVerbsOwn()
    {
        var verbs = VerbCatalog.All.Where(v => !v.OwnParser).ToList();
        foreach (var verb in verbs)
        {
            var own = verb.AllOptions.SelectMany(o => o.Spellings).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var typed in verbs.SelectMany(v => v.AllOptions).SelectMany(o => o.Spellings).Where(s => !own.Contains(s)).Distinct())
            {
                var error = ErrorOf([verb.Name, "x.json", typed, "v"]);
                var suggested = System.Text.RegularExpressions.Regex.Match(error, "did you mean \"([^\"]+)\"");
                Assert.False(suggested.Success && (suggested.Groups[1].Value.Equals(typed, StringComparison.OrdinalIgnoreCase) || !own.Contains(suggested.Groups[1].Value)), $"{verb.Name} {typed}: {error}");
            }
        }

        Assert.Equal("error: --snapshto is not an option of plan (did you mean \"--snapshot\"?); run backup-reconciler plan --help.", ErrorOf("plan", "x.json", "--snapshto", "s"));
        Assert.Equal("error: --forse is not an option of undo (did you mean \"--force\"?); run backup-reconciler undo --help.", ErrorOf("undo", "r", "--forse"));
    }

    [Theory]
    [InlineData(new[] { "plan", "x.json", "--snapshot" }, "error: --snapshot needs a value: --snapshot FILE.")]
    [InlineData(new[] { "plan", "x.json", "--snapshot", "--verbose" }, "error: --snapshot needs a value: --snapshot FILE.")]
    [InlineData(new[] { "plan", "x.json", "--snapshot=" }, "error: --snapshot needs a value: --snapshot FILE.")]
    [InlineData(new[] { "plan", "x.json", "--verbose=yes" }, "error: --verbose takes no value; give it alone to turn it on.")]
    [InlineData(new[] { "--snapshot", "s.json", "plan" }, "error: the verb comes first, before --snapshot; the verbs are: validate, test, plan, apply, get, runs, undo, watch, snapshot, import-reg, detect, history, schedule, report, dsc.")]
    public void AMissingOrUnwantedValueIsOneSentence(string[] args, string expected)
    {
        Assert.Equal(expected, ErrorOf(args));
    }

    [Fact]
    public void AResponseFileStandsForItsArguments()
    {
        var sample = _folder.Combine("drifted.json");
        File.Copy(Repository.File("samples/dpm-protected-server.drifted.json"), sample);
        var rsp = _folder.Write("args.rsp", $"""
            # the plan of the README, from a file
            plan "{Baseline}"
            --Snapshot "{sample}"
            -o json
            """);

        var direct = Run("plan", Baseline, "--snapshot", sample, "-o", "json", "--state-dir", _folder.Combine("a"));
        var fromFile = Run($"@{rsp}", "--state-dir", _folder.Combine("b"));

        Assert.Equal(2, fromFile.Exit);
        Assert.Equal(direct.Out.Split('\n').Length, fromFile.Out.Split('\n').Length);
        Assert.Contains("\"drifted\": 2", fromFile.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretInAResponseFileIsMaskedEvenInAComplaintAboutItsLine()
    {
        var rsp = _folder.Write("secret.rsp", "--var-secret Token=Canary-in-a-response-file\n--lock-timeout Canary-in-a-response-file\n");

        var error = ErrorOf("apply", Baseline, $"@{rsp}");

        Assert.DoesNotContain("Canary", error, StringComparison.Ordinal);
        Assert.Equal("error: --lock-timeout ***: give whole seconds from 0 to 86400.", error);
    }

    [Fact]
    public void AMissingResponseFileIsOneSentence()
    {
        var missing = _folder.Combine("none.rsp");

        Assert.StartsWith($"error: @{missing}: the response file cannot be read (", ErrorOf("plan", $"@{missing}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("plan")]
    [InlineData("apply")]
    public void ADirectoryGivenAsABaselineSaysItIsADirectory(string verb)
    {
        var folder = Repository.File("baselines");

        var error = ErrorOf([verb, folder, .. verb == "validate" ? Array.Empty<string>() : ["--snapshot", "s.json"]]);

        Assert.Equal($"error: {folder} is a directory; give a baseline file, such as {Path.Combine(folder, "dpm-protected-server.json")}.", error);
    }

    [Fact]
    public void CompletionSuggestsTheVerbsOwnOptions()
    {
        var (exit, output, _) = Run("[suggest:12]", "apply x --wh");

        Assert.Equal(0, exit);
        Assert.Equal(["--what-if", "--whatif"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("plan\n", Run("[suggest:2]", "pl").Out, StringComparison.Ordinal);
    }

    /// <summary>How another engineer adds a verb with sub-verbs: one registration each, nothing else in the reader.</summary>
    [Fact]
    public void AVerbWithSubVerbsIsOneRegistrationPerSubVerb()
    {
        var every = new OptionSpec("--every", "how often", "DURATION");
        var reader = new ArgumentReader([
            .. VerbCatalog.All.Where(v => v.Word != "schedule"),
            new VerbSpec(VerbKind.ScheduleInstall, "schedule install", "run apply on a schedule", "BASELINE", [every, OptionSpecs.Vars, OptionSpecs.WhatIf], "backup-reconciler schedule install b.json --every 30m")
            {
                Effect = VerbEffect.ChangesHostSchedule, Subject = VerbSubject.Host, Takes = VerbArgument.Baseline,
            },
            new VerbSpec(VerbKind.ScheduleRemove, "schedule remove", "remove the schedule", "BASELINE", [OptionSpecs.WhatIf], "backup-reconciler schedule remove b.json")
            {
                Effect = VerbEffect.ChangesHostSchedule, Subject = VerbSubject.Host, Takes = VerbArgument.Baseline,
            },
        ]);

        var parsed = Assert.IsType<CommandLineRequest.Run>(reader.Read(["Schedule", "INSTALL", "b.json", "--every=30m", "--whatif"])).Arguments;

        Assert.Equal("schedule install", parsed.Verb.Name);
        Assert.Equal(["b.json"], parsed.Positionals);
        Assert.Equal("30m", parsed.Value(every));
        Assert.True(parsed.Has(OptionSpecs.WhatIf));
        var options = CliOptions.From(parsed);
        Assert.Equal((VerbKind.ScheduleInstall, "install", true), (options.Verb.Kind, options.Verb.Subverb, options.WhatIf));
        var wrong = Assert.Throws<BackupReconciler.Input.InputException>(() => reader.Read(["schedule", "remove", "b.json", "--every", "1h"]));
        Assert.Equal("--every is not an option of schedule remove (only schedule install takes it); run backup-reconciler schedule remove --help.", wrong.Message);
        var help = Assert.IsType<CommandLineRequest.Print>(reader.Read(["schedule", "install", "--help"]));
        Assert.Contains("--every <DURATION>", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DscAndReportStillParseTheirOwnArgumentsButHaveHelp()
    {
        Assert.Contains("--stale-after", Run("report", "--help").Out, StringComparison.Ordinal);
        Assert.Equal("error: report needs report files or folders; usage: backup-reconciler report REPORTS... [--output text|json|markdown|html] [--out FILE] [--stale-after 7d].", ErrorOf("Report"));
    }
}
