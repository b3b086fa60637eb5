namespace BackupReconciler.Cli.CommandLine;

/// <summary>
/// One verb as the command line knows it: which verb it is, what it may change, what it works on, its
/// positional argument, the options it takes and an example for its help. A verb with a space in its name
/// ("schedule install") is a sub-verb of the first word. Code asks these typed members, never the name.
/// </summary>
public sealed record VerbSpec(VerbKind Kind, string Name, string Summary, string? Argument, IReadOnlyList<OptionSpec> Options, params string[] Examples)
{
    /// <summary>What running the verb may change beyond the report it writes (before --what-if, which makes every verb read-only).</summary>
    public required VerbEffect Effect { get; init; }

    /// <summary>What the verb works on: a host (a snapshot or the live machine), the state directory's journals, or only the files it is given.</summary>
    public required VerbSubject Subject { get; init; }

    /// <summary>What its positional arguments are, and how many it needs.</summary>
    public required VerbArgument Takes { get; init; }

    /// <summary>What <c>--output</c> accepts; the first is the default. Empty: the verb has no <c>--output</c>.</summary>
    public IReadOnlyList<OutputFormat> Outputs { get; init; } = [];

    /// <summary>The verb parses its own arguments (dsc and report keep contracts of their own); only its help is ours.</summary>
    public bool OwnParser { get; init; }

    /// <summary>Said under the usage line of the verb's help: what the argument is, and anything the options do not say.</summary>
    public string? Details { get; init; }

    /// <summary>The first word of the name: the verb as the journal and the reports name a run's command ("apply").</summary>
    public string Word => Name.Split(' ')[0];

    public string? Subverb => Name.Contains(' ', StringComparison.Ordinal) ? Name[(Name.IndexOf(' ', StringComparison.Ordinal) + 1)..] : null;

    /// <summary>Every option this verb takes, <c>--output</c> included when it has formats to choose from.</summary>
    public IEnumerable<OptionSpec> AllOptions => Outputs.Count > 0 ? Options.Prepend(OptionSpecs.Output) : Options;

    /// <summary>Whether the verb, unless --what-if is given, changes the host under the run lock and journals each change (apply, undo, watch).</summary>
    public bool ChangesHostUnderJournal => Effect == VerbEffect.ChangesHostJournaled;

    public bool TakesOption(OptionSpec option) => Options.Contains(option);
}

/// <summary>Which verb a registration is: what the application dispatches on, instead of comparing names.</summary>
public enum VerbKind
{
    Validate,
    Test,
    Plan,
    Apply,
    Get,
    Runs,
    Undo,
    Watch,
    Snapshot,
    ImportReg,
    Detect,
    History,
    ScheduleInstall,
    ScheduleShow,
    ScheduleRemove,
    Report,
    Dsc,
}

/// <summary>What a verb may change, beyond the report it writes to standard output or --out.</summary>
public enum VerbEffect
{
    /// <summary>Reads only: the report is all it writes.</summary>
    ReadOnly,

    /// <summary>
    /// Changes the host through the engine under the host's run lock, records every change in the state
    /// directory's journal and prunes old journals there (apply, undo, watch; dsc set).
    /// </summary>
    ChangesHostJournaled,

    /// <summary>Registers or removes the scheduled task (and registers the event source) on the host it is given; no lock, no journal.</summary>
    ChangesHostSchedule,
}

/// <summary>What a verb works on.</summary>
public enum VerbSubject
{
    /// <summary>Only the files it is given (baselines, a .reg file, hosts' reports).</summary>
    GivenFiles,

    /// <summary>The state directory's journals (runs, history).</summary>
    StateDirectory,

    /// <summary>A host: the snapshot given with --snapshot, else the live Windows machine.</summary>
    Host,
}

/// <summary>What a verb's positional arguments are.</summary>
public enum VerbArgument
{
    None,

    /// <summary>Exactly one baseline file.</summary>
    Baseline,

    /// <summary>One baseline file or more.</summary>
    Baselines,

    /// <summary>Any number of baseline files, none included.</summary>
    BaselinesOrNone,

    /// <summary>Exactly one .reg file.</summary>
    RegFile,

    /// <summary>Exactly one run id from the state directory.</summary>
    RunId,

    /// <summary>The verb reads its arguments itself (<see cref="VerbSpec.OwnParser"/>).</summary>
    Own,
}
