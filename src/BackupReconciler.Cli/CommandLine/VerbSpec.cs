namespace BackupReconciler.Cli.CommandLine;

/// <summary>
/// One verb as the command line knows it: what it does, its positional argument, the options it takes and an
/// example for its help. A verb with a space in its name ("schedule install") is a sub-verb of the first word.
/// </summary>
public sealed record VerbSpec(string Name, string Summary, string? Argument, IReadOnlyList<OptionSpec> Options, params string[] Examples)
{
    /// <summary>What <c>--output</c> accepts; the first is the default. Empty: the verb has no <c>--output</c>.</summary>
    public IReadOnlyList<OutputFormat> Outputs { get; init; } = [];

    /// <summary>The verb parses its own arguments (dsc and report keep contracts of their own); only its help is ours.</summary>
    public bool OwnParser { get; init; }

    /// <summary>Said under the usage line of the verb's help: what the argument is, and anything the options do not say.</summary>
    public string? Details { get; init; }

    public string Word => Name.Split(' ')[0];

    public string? Subverb => Name.Contains(' ', StringComparison.Ordinal) ? Name[(Name.IndexOf(' ', StringComparison.Ordinal) + 1)..] : null;

    /// <summary>Every option this verb takes, <c>--output</c> included when it has formats to choose from.</summary>
    public IEnumerable<OptionSpec> AllOptions => Outputs.Count > 0 ? Options.Prepend(OptionSpecs.Output) : Options;
}
