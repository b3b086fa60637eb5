namespace BackupReconciler.Cli.History;

/// <summary>
/// What the journals say was corrected in a window: one entry per setting (host, baseline, resource, property),
/// with every run that changed it. Only changes a journal records as made count (outcome "changed").
/// </summary>
public sealed record DriftHistory(
    DateTimeOffset From,
    DateTimeOffset To,
    string Since,
    string? Baseline,
    int RunsRead,
    IReadOnlyList<SettingHistory> Settings,
    IReadOnlyList<string> Problems)
{
    /// <summary>
    /// A setting corrected by at least this many different runs in the window is fought over: something else
    /// (a Group Policy, the product itself, another tool) keeps setting it back.
    /// </summary>
    public const int FoughtOverThreshold = 3;

    public int FoughtOverCount => Settings.Count(s => s.FoughtOver);
}

/// <summary>One setting's corrections (and undos) in the window, oldest first.</summary>
public sealed record SettingHistory(
    string Host,
    string Baseline,
    string Resource,
    string Type,
    string Property,
    IReadOnlyList<SettingChange> Corrections,
    IReadOnlyList<SettingChange> Undos)
{
    /// <summary>
    /// How many runs corrected it: "corrected N times" counts runs, not values, since one run may add several
    /// values to one setting (a user right's accounts), each a line of <see cref="Corrections"/>.
    /// </summary>
    public int CorrectingRuns => Corrections.Select(c => c.RunId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>How many undo runs took it back, counted as <see cref="CorrectingRuns"/> is.</summary>
    public int UndoingRuns => Undos.Select(c => c.RunId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Corrected by <see cref="DriftHistory.FoughtOverThreshold"/> or more runs (apply, watch); undo runs never count.</summary>
    public bool FoughtOver => CorrectingRuns >= DriftHistory.FoughtOverThreshold;

    public SettingChange? Last => Corrections.Count > 0 ? Corrections[^1] : null;

    public string Name => $"{Baseline} / {Resource} / {Property}";
}

/// <summary>
/// One change a run made to a setting. The time is the run's start (the journal times runs, not lines);
/// the values are the journal's own, in which secrets are already masked.
/// </summary>
public sealed record SettingChange(string RunId, DateTimeOffset Time, string Command, string Previous, string Intended);
