using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;
using BackupReconciler.Engine;
using BackupReconciler.Input;

namespace BackupReconciler.Cli.CommandLine;

/// <summary>
/// Reads the command line with System.CommandLine: <c>--option value</c> and <c>--option=value</c>, short
/// aliases, verbs and option names in any case, response files, help per verb, <c>--version</c> and shell
/// completion (the <c>[suggest]</c> directive). Only the invoked verb's command is built, so start-up does not
/// pay for the others. Mistakes are one sentence each (an <see cref="InputException"/>), never the library's
/// multi-line dump: an unknown option (with a suggestion from this verb's options, never the option typed), an
/// option of another verb, an option given twice, an option without its value.
/// </summary>
public sealed class ArgumentReader(IReadOnlyList<VerbSpec> verbs)
{
    public const string Program = "backup-reconciler";

    public static ArgumentReader Default { get; } = new(VerbCatalog.All);

    private static readonly string[] HelpOptions = ["--help", "-h", "-?", "/?", "/h"];

    /// <summary>Response files are expanded before (<see cref="ResponseFiles"/>); bundled short options ("-vs") would make mistakes hard to name.</summary>
    private static ParserConfiguration Configuration => new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    public CommandLineRequest Read(IReadOnlyList<string> given) => ReadExpanded(ResponseFiles.Expand(given));

    /// <summary>Reads arguments whose response files have been expanded already.</summary>
    public CommandLineRequest ReadExpanded(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return new CommandLineRequest.Print(RootHelp(), ExitCodes.NothingDone);
        }

        if (args[0].StartsWith("[suggest", StringComparison.Ordinal))
        {
            return new CommandLineRequest.Print(Completions(args), ExitCodes.NoChanges);
        }

        if (args[0].Equals("--version", StringComparison.OrdinalIgnoreCase))
        {
            return new CommandLineRequest.Print($"{Program} {Version}\n", ExitCodes.NoChanges);
        }

        var helpFirst = IsHelp(args[0]) || args[0].Equals("help", StringComparison.OrdinalIgnoreCase);
        if (helpFirst && args.Count == 1)
        {
            return new CommandLineRequest.Print(RootHelp(), ExitCodes.NoChanges);
        }

        // "help plan" reads as "plan --help".
        var words = helpFirst ? args.Skip(1).ToList() : args.ToList();
        var (verb, rest) = FindVerb(words);
        if (verb is null)
        {
            return new CommandLineRequest.Print(GroupHelp(words[0]), helpFirst || rest.Any(IsHelp) ? ExitCodes.NoChanges : ExitCodes.NothingDone);
        }

        if (helpFirst || rest.TakeWhile(a => a != "--").Any(IsHelp))
        {
            return new CommandLineRequest.Print(VerbHelp(verb), ExitCodes.NoChanges);
        }

        return verb.OwnParser
            ? new CommandLineRequest.PassThrough(verb, [.. rest])
            : new CommandLineRequest.Run(Parse(verb, rest));
    }

    /// <summary>The build's version and the commit it was built from (the SDK appends +sha from git).</summary>
    public static string Version =>
        typeof(ArgumentReader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static bool IsHelp(string arg) => HelpOptions.Contains(arg, StringComparer.OrdinalIgnoreCase);

    private static bool LooksLikeOption(string arg) => arg.Length > 1 && arg[0] == '-' && !char.IsAsciiDigit(arg[1]);

    /// <summary>The verb (or verb and sub-verb) the arguments start with, in any case; null for a verb whose sub-verb is missing.</summary>
    private (VerbSpec? Verb, List<string> Remaining) FindVerb(List<string> args)
    {
        var word = args[0];
        var named = verbs.Where(v => v.Word.Equals(word, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0)
        {
            var names = verbs.Select(v => v.Word).Distinct().ToList();
            throw Error(LooksLikeOption(word)
                ? $"the verb comes first, before {word}; the verbs are: {string.Join(", ", names)}."
                : $"\"{word}\" is not a verb{JsonObjectReader.Suggest(word, names)}; the verbs are: {string.Join(", ", names)}.");
        }

        if (named is [{ Subverb: null } single])
        {
            return (single, args.Skip(1).ToList());
        }

        if (args.Count < 2 || LooksLikeOption(args[1]) || IsHelp(args[1]))
        {
            if (args.Skip(1).Any(IsHelp))
            {
                return (null, args.Skip(1).ToList());
            }

            throw Error($"{named[0].Word} needs one of: {string.Join(", ", named.Select(v => v.Subverb))}; run {Program} {named[0].Word} --help.");
        }

        var sub = named.FirstOrDefault(v => v.Subverb!.Equals(args[1], StringComparison.OrdinalIgnoreCase))
            ?? throw Error($"\"{args[1]}\" is not a {named[0].Word} verb{JsonObjectReader.Suggest(args[1], named.Select(v => v.Subverb!))}; use one of: {string.Join(", ", named.Select(v => v.Subverb))}.");
        return (sub, args.Skip(2).ToList());
    }

    private ParsedArguments Parse(VerbSpec verb, List<string> args)
    {
        var (tokens, given) = Check(verb, args);
        var root = new Command(Program);

        // Only the options given: each option costs start-up (the library is compiled on first use), and Check
        // has already refused every option this verb does not take.
        var (_, argument, options) = Build(verb, root, given);
        var result = root.Parse([.. verb.Name.Split(' '), .. tokens], Configuration);
        if (result.Errors.Count > 0)
        {
            // Check has said every mistake it knows in a sentence of its own; this is the library's one line for anything else.
            throw Error(result.Errors[0].Message.TrimEnd('.') + $"; run {Program} {verb.Name} --help.");
        }

        var values = new Dictionary<OptionSpec, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        foreach (var (spec, option) in options)
        {
            if (result.GetResult(option) is { Implicit: false } found)
            {
                values[spec] = spec.IsFlag ? [] : found.Tokens.Select(t => t.Value).ToList();
            }
        }

        // The tokens as given: the verb converts and checks them (and the library's typed conversion costs start-up).
        var positionals = argument is null || result.GetResult(argument) is not { } positional ? [] : positional.Tokens.Select(t => t.Value).ToList();
        return new ParsedArguments(verb, positionals, values);
    }

    /// <summary>
    /// What the library would accept silently or say in its own words: option names in any case (made the
    /// declared spelling), unknown options, another verb's options, options given twice, options without
    /// their value. Returns the arguments with option names as declared. Values are never echoed: one may be a secret.
    /// </summary>
    private (List<string> Arguments, HashSet<OptionSpec> Given) Check(VerbSpec verb, List<string> args)
    {
        var spellings = new Dictionary<string, (string Spelling, OptionSpec Option)>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in verb.AllOptions)
        {
            foreach (var spelling in option.Spellings)
            {
                spellings[spelling] = (spelling, option);
            }
        }

        var counts = new Dictionary<OptionSpec, int>(ReferenceEqualityComparer.Instance);
        var checkedArgs = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var positional = arg == "--" ? args.ElementAtOrDefault(i + 1) : LooksLikeOption(arg) ? null : arg;
            if (positional is not null && verb.Argument is null)
            {
                // Said here: the library's "Unrecognized command or argument" does not say what is wrong with it.
                throw Error($"{verb.Name} takes no baseline or other argument; got {positional}.");
            }

            if (arg == "--")
            {
                checkedArgs.AddRange(args.Skip(i));
                break;
            }

            if (positional is not null)
            {
                checkedArgs.Add(arg);
                continue;
            }

            var cut = arg.AsSpan().IndexOfAny(':', '=');
            var name = cut > 0 ? arg[..cut] : arg;
            if (!spellings.TryGetValue(name, out var known))
            {
                throw Unknown(verb, name);
            }

            var option = known.Option;
            counts[option] = counts.GetValueOrDefault(option) + 1;
            if (counts[option] > 1 && !option.Repeatable)
            {
                throw Error($"{option.Name} is given twice; give it once (the last would not silently win).");
            }

            checkedArgs.Add(cut > 0 ? known.Spelling + arg[cut..] : known.Spelling);
            if (option.IsFlag)
            {
                if (cut > 0)
                {
                    throw Error($"{option.Name} takes no value; give it alone to turn it on.");
                }

                continue;
            }

            if (cut < 0)
            {
                if (i + 1 >= args.Count || LooksLikeOption(args[i + 1]) || args[i + 1] == "--")
                {
                    throw Error($"{name} needs a value: {option.Name} {option.ValueName}.");
                }

                checkedArgs.Add(args[++i]);
            }
            else if (cut == arg.Length - 1)
            {
                throw Error($"{name} needs a value: {option.Name} {option.ValueName}.");
            }
        }

        return (checkedArgs, new HashSet<OptionSpec>(counts.Keys, ReferenceEqualityComparer.Instance));
    }

    private InputException Unknown(VerbSpec verb, string name)
    {
        var owners = verbs.Where(v => v != verb && !v.OwnParser && v.AllOptions.Any(o => o.Spellings.Contains(name, StringComparer.OrdinalIgnoreCase)))
            .Select(v => v.Name).ToList();
        if (owners.Count > 0)
        {
            return Error($"{name} is not an option of {verb.Name} (only {JoinAnd(owners)} take{(owners.Count == 1 ? "s" : "")} it); run {Program} {verb.Name} --help.");
        }

        // Suggest only this verb's own options, and never the very one typed.
        var candidates = verb.AllOptions.SelectMany(o => o.Spellings).Where(s => s.StartsWith("--", StringComparison.Ordinal) && !s.Equals(name, StringComparison.OrdinalIgnoreCase));
        return Error($"{name} is not an option of {verb.Name}{JsonObjectReader.Suggest(name, candidates)}; run {Program} {verb.Name} --help.");
    }

    private static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    /// <summary>The verb's command under <paramref name="parent"/>: its argument (any count; the verb checks how many) and its options.</summary>
    private static (Command Command, Argument? Argument, List<(OptionSpec Spec, Option Option)> Options) Build(VerbSpec verb, Command parent, IReadOnlySet<OptionSpec>? only = null)
    {
        foreach (var word in verb.Name.Split(' ')[..^1])
        {
            var group = parent.Subcommands.FirstOrDefault(c => c.Name == word);
            if (group is null)
            {
                group = new Command(word);
                parent.Add(group);
            }

            parent = group;
        }

        var command = new Command(verb.Name.Split(' ')[^1], verb.Summary);
        parent.Add(command);
        Argument? argument = null;
        if (verb.Argument is { } name)
        {
            argument = new Argument<string[]>(name) { Arity = ArgumentArity.ZeroOrMore, Description = verb.Details };
            command.Add(argument);
        }

        var options = new List<(OptionSpec, Option)>();
        foreach (var spec in verb.AllOptions)
        {
            if (only is not null && !only.Contains(spec))
            {
                continue;
            }

            var description = spec == OptionSpecs.Output && verb.Outputs.Count > 0
                ? $"report format: {string.Join(", ", verb.Outputs.Select(CliOptions.FormatName))} (default {CliOptions.FormatName(verb.Outputs[0])})"
                : spec.Description;
            var option = spec.Create(description);
            if (spec == OptionSpecs.Output)
            {
                option.CompletionSources.Add([.. verb.Outputs.Select(CliOptions.FormatName)]);
            }

            command.Add(option);
            options.Add((spec, option));
        }

        return (command, argument, options);
    }

    /// <summary>
    /// The verbs, written here rather than by System.CommandLine's help: <c>--help</c> is the most run command of all,
    /// and building and rendering a command per verb through the library costs three times its start-up (JIT of the
    /// library's help code; it ships without precompiled code). The layout is the library's, as each verb's help has it.
    /// </summary>
    public string RootHelp()
    {
        // Plain loops: every generic LINQ shape here is compiled on the spot, and this is the fastest command there is.
        var names = new List<string>();
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        var width = 0;
        foreach (var verb in verbs)
        {
            var word = verb.Word;
            var summary = verb.Subverb is null ? verb.Summary : $"{verb.Subverb}: {verb.Summary}";
            if (summaries.TryGetValue(word, out var earlier))
            {
                summaries[word] = earlier + "; " + summary;
                continue;
            }

            names.Add(word);
            summaries[word] = summary;
            width = Math.Max(width, word.Length + 2);
        }

        var help = new System.Text.StringBuilder();
        help.Append("Description:\n  Keeps backup servers (DPM, MARS, SQL VMs, System State) in the configuration their backup products need,\n  from JSON baselines.\n\n")
            .Append($"Usage:\n  {Program} VERB [arguments] [options]\n  {Program} @args.rsp            (arguments from a response file, one or more per line)\n\n")
            .Append("Options:\n  --version       the version and the commit it was built from\n  -?, -h, --help  Show help and usage information\n\n")
            .Append("Verbs:\n");
        foreach (var name in names)
        {
            help.Append("  ").Append(name.PadRight(width)).Append(summaries[name]).Append('\n');
        }

        return help.Append($"""

            Each verb's options and an example: {Program} VERB --help
            Shell completion (bash, PowerShell): see the README, "Command line".

            Exit codes:
              0  nothing to change
              2  drift or manual findings (test, plan, apply --what-if); changes made (apply --detailed-exitcodes)
              4  failures: a resource failed, could not be read, or (test, plan, --what-if) is predicted to fail
              6  both
              1  nothing was done: bad arguments, invalid baseline or snapshot
              +8 a restart was deferred (added to the detailed code)

            """).ToString();
    }

    private string GroupHelp(string word)
    {
        var root = new Command(Program);
        var named = verbs.Where(v => v.Word.Equals(word, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var verb in named)
        {
            Build(verb, root);
        }

        return Help(root, [named[0].Word], [.. named.SelectMany(v => v.Examples).Prepend("Examples:").Select((e, i) => i == 0 ? e : "  " + e)]);
    }

    private static string VerbHelp(VerbSpec verb)
    {
        var root = new Command(Program);
        Build(verb, root);
        return Help(root, verb.Name.Split(' '), [verb.Examples.Length == 1 ? "Example:" : "Examples:", .. verb.Examples.Select(e => "  " + e)]);
    }

    /// <summary>System.CommandLine's help for the command at <paramref name="path"/>, then this tool's own closing lines.</summary>
    private static string Help(Command root, string[] path, IReadOnlyList<string> closing)
    {
        var help = new HelpOption { Recursive = true };
        ((HelpAction)help.Action!).MaxWidth = 110;
        root.Add(help);
        using var writer = new StringWriter { NewLine = "\n" };
        root.Parse([.. path, "--help"], Configuration).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        foreach (var line in closing)
        {
            writer.WriteLine(line);
        }

        return writer.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// <c>[suggest:POSITION] "LINE"</c>, what shell completion scripts call: the words that may come next.
    /// Every verb is built here (completion is not start-up critical, and must know them all).
    /// </summary>
    private string Completions(IReadOnlyList<string> args)
    {
        var root = new RootCommand();
        foreach (var verb in verbs)
        {
            Build(verb, root);
        }

        using var writer = new StringWriter { NewLine = "\n" };
        root.Parse(args, Configuration).Invoke(new InvocationConfiguration { Output = writer, Error = TextWriter.Null });
        return writer.ToString();
    }

    private static InputException Error(string problem) => new(null, problem);
}
