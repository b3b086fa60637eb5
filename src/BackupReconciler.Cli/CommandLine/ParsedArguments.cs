namespace BackupReconciler.Cli.CommandLine;

/// <summary>A verb's command line after parsing, before its values are converted: the positional arguments and each option's values, in the order given.</summary>
public sealed class ParsedArguments(VerbSpec verb, IReadOnlyList<string> positionals, IReadOnlyDictionary<OptionSpec, IReadOnlyList<string>> values)
{
    public VerbSpec Verb => verb;

    public IReadOnlyList<string> Positionals => positionals;

    public bool Has(OptionSpec option) => values.ContainsKey(option);

    /// <summary>The value of an option that can be given once; null when it was not given.</summary>
    public string? Value(OptionSpec option) => values.TryGetValue(option, out var given) ? given[0] : null;

    public IReadOnlyList<string> Values(OptionSpec option) => values.TryGetValue(option, out var given) ? given : [];
}

/// <summary>What the command line asks for: a verb to run, a verb that parses its own arguments, or text to print (help, version, completions).</summary>
public abstract record CommandLineRequest
{
    public sealed record Run(ParsedArguments Arguments) : CommandLineRequest;

    public sealed record PassThrough(VerbSpec Verb, string[] Arguments) : CommandLineRequest;

    public sealed record Print(string Text, int ExitCode) : CommandLineRequest;
}
