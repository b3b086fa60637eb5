namespace BackupReconciler.Cli.Reports;

/// <summary>What a mark or a line means, for its colour on a terminal.</summary>
public enum Tone
{
    Good,
    Create,
    Change,
    Remove,
    Manual,
    Failure,
    Quiet,
}

/// <summary>
/// How the text report is drawn: with ANSI colours or without, and whether compliant resources show
/// their why and reference too (--verbose). Colours only wrap text already padded, so columns line up
/// the same with and without them.
/// </summary>
public sealed record TextStyle(bool Colour, bool Verbose)
{
    public static readonly TextStyle Plain = new(false, false);

    /// <summary>
    /// Whether a value's text holds a secret: such a value is printed as written, to be masked, and never
    /// converted first (a byte count into GiB), since the masking would not know it in its converted form.
    /// </summary>
    public Func<string, bool> Secret { get; init; } = _ => false;

    private const string Escape = "\u001b[";

    public string Paint(string text, Tone tone) => !Colour || text.Length == 0 ? text : $"{Escape}{Code(tone)}m{text}{Escape}0m";

    private static string Code(Tone tone) => tone switch
    {
        Tone.Good or Tone.Create => "32",
        Tone.Change => "33",
        Tone.Remove or Tone.Failure => "31",
        Tone.Manual => "35",
        _ => "2",
    };
}

/// <summary>
/// What the process's console is, read once at start (Program.cs) so reports never ask the OS themselves:
/// whether standard output and error are terminals, and whether NO_COLOR (no-color.org: set and not empty) asks for no colour.
/// </summary>
public sealed record ConsoleTraits(bool OutputIsTerminal, bool ErrorIsTerminal, bool NoColorRequested)
{
    /// <summary>Output to files or pipes, as in tests: no colour, no progress.</summary>
    public static readonly ConsoleTraits Redirected = new(false, false, false);

    /// <summary>Colour for a report written to standard output, unless redirected, NO_COLOR or --no-color says otherwise.</summary>
    public bool ColourFor(bool noColorOption, bool toFile) => OutputIsTerminal && !toFile && !NoColorRequested && !noColorOption;
}
