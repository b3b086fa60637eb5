namespace BackupReconciler.Input;

/// <summary>
/// A mistake in something a person wrote (baseline, snapshot, variables file, command line):
/// reported as one sentence with its location and the fix, never with a stack trace.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(SourceLocation? location, string problem)
        : base(location is null ? OneLine(problem) : $"{location}: {OneLine(problem)}")
    {
        Location = location;
        Problem = OneLine(problem);
    }

    /// <summary>
    /// A message quotes what was written, and a JSON string (a value, a member name, an id) may hold a line
    /// break: escaped as JSON writes it, so that one error stays one line and a value cannot forge another.
    /// </summary>
    public static string OneLine(string text) =>
        text.AsSpan().IndexOfAny("\r\n\u2028\u2029") < 0
            ? text
            : text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
                .Replace("\u2028", "\\u2028", StringComparison.Ordinal).Replace("\u2029", "\\u2029", StringComparison.Ordinal);

    public SourceLocation? Location { get; }

    /// <summary>The message without the location.</summary>
    public string Problem { get; }

    /// <summary>
    /// Further problems the same check found (every unknown member of one object, not just the first):
    /// a verb that stops at the first problem prints only this one; <c>validate</c> lists them all.
    /// </summary>
    public IReadOnlyList<InputException> Others { get; init; } = [];
}
