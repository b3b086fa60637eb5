namespace BackupReconciler.Input;

/// <summary>
/// A mistake in something a person wrote (baseline, snapshot, variables file, command line):
/// reported as one sentence with its location and the fix, never with a stack trace.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(SourceLocation? location, string problem)
        : base(location is null ? problem : $"{location}: {problem}")
    {
        Location = location;
        Problem = problem;
    }

    public SourceLocation? Location { get; }

    /// <summary>The message without the location.</summary>
    public string Problem { get; }

    /// <summary>
    /// Further problems the same check found (every unknown member of one object, not just the first):
    /// a verb that stops at the first problem prints only this one; <c>validate</c> lists them all.
    /// </summary>
    public IReadOnlyList<InputException> Others { get; init; } = [];
}
