using System.CommandLine;

namespace BackupReconciler.Cli.CommandLine;

/// <summary>
/// One option of the command line, declared once (<see cref="OptionSpecs"/>) and listed by each verb it
/// applies to. A flag has no <see cref="ValueName"/>; a repeatable option may be given many times.
/// </summary>
public sealed record OptionSpec(string Name, string Description, string? ValueName = null)
{
    /// <summary>Other spellings: short (<c>-o</c>) and Windows habits (<c>--whatif</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>May be given more than once (--var); every other option given twice is an error.</summary>
    public bool Repeatable { get; init; }

    public bool IsFlag => ValueName is null;

    public IEnumerable<string> Spellings => Aliases.Prepend(Name);

    /// <summary>The System.CommandLine option: values are taken as text, converted with this tool's own messages.</summary>
    internal Option Create(string description)
    {
        var aliases = Aliases.ToArray();
        if (IsFlag)
        {
            return new Option<bool>(Name, aliases) { Description = description, Arity = ArgumentArity.Zero };
        }

        return Repeatable
            ? new Option<string[]>(Name, aliases) { Description = description, HelpName = ValueName, Arity = ArgumentArity.OneOrMore }
            : new Option<string>(Name, aliases) { Description = description, HelpName = ValueName, Arity = ArgumentArity.ExactlyOne };
    }
}
