using BackupReconciler.Input;

namespace BackupReconciler.Baselines;

/// <summary>
/// What <see cref="BaselineLoader.Check"/> found: every problem in a baseline and its includes, and the baseline
/// when there is no error and every variable has a real value (one checked with stand-ins is never run).
/// </summary>
public sealed record BaselineCheck(Baseline? Baseline, IReadOnlyList<BaselineProblem> Problems)
{
    /// <summary>The baseline's name; null for a fragment or a file that could not be read.</summary>
    public string? Name { get; init; }

    /// <summary>The file has no name: an include file, checked on its own as a fragment.</summary>
    public bool IsFragment { get; init; }

    /// <summary>Problems found past the <see cref="ProblemList.MostKept"/> that are listed.</summary>
    public int NotListed { get; init; }

    /// <summary>Resources declared, whether or not each one is valid.</summary>
    public int ResourceCount { get; init; }

    /// <summary>The files read, in load order (the baseline, then its includes depth first): what the problems are sorted by.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public IEnumerable<BaselineProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<BaselineProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

    /// <summary>
    /// The problems as a person reads them: file by file in load order, each file's from top to bottom
    /// (problems without a file first); problems at one position keep the order they were found in.
    /// </summary>
    public IReadOnlyList<BaselineProblem> InFileOrder()
    {
        var rank = Files.Select((file, i) => (file, i)).ToDictionary(x => x.file, x => x.i, StringComparer.Ordinal);
        return Problems
            .OrderBy(p => p.Location is { } at ? rank.GetValueOrDefault(at.File, Files.Count) : -1)
            .ThenBy(p => p.Location?.File, StringComparer.Ordinal)
            .ThenBy(p => p.Location?.Line ?? 0)
            .ThenBy(p => p.Location?.Column ?? 0)
            .ToList();
    }
}

public enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>One problem in a baseline: an error refuses it; a warning (only <c>validate</c> gives them) does not.</summary>
public sealed record BaselineProblem(ProblemSeverity Severity, SourceLocation? Location, string Problem)
{
    public InputException ToException() => new(Location, Problem);

    /// <summary>One line: <c>file(line,column): problem; fix</c>.</summary>
    public override string ToString() => Location is null ? Problem : $"{Location}: {Problem}";
}

/// <summary>Collects the problems of one check in the order they are found; the first error is what a verb that stops refuses with.</summary>
internal sealed class ProblemList
{
    /// <summary>
    /// Far more than a person fixes in one pass; a hostile file with a million mistakes must not make a
    /// million lines (nor hold them). Past it, problems are counted, not kept.
    /// </summary>
    public const int MostKept = 1000;

    private readonly List<BaselineProblem> _problems = [];

    public IReadOnlyList<BaselineProblem> All => _problems;

    public bool HasErrors => ErrorCount > 0;

    /// <summary>Every error found, kept or not.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Problems found past <see cref="MostKept"/>.</summary>
    public int NotKept { get; private set; }

    public void Error(InputException e)
    {
        ErrorCount++;
        Keep(new BaselineProblem(ProblemSeverity.Error, e.Location, e.Problem));
        foreach (var other in e.Others)
        {
            Error(other);
        }
    }

    public void Warning(SourceLocation? location, string problem) => Keep(new BaselineProblem(ProblemSeverity.Warning, location, InputException.OneLine(problem)));

    private void Keep(BaselineProblem problem)
    {
        if (_problems.Count < MostKept)
        {
            _problems.Add(problem);
        }
        else
        {
            NotKept++;
        }
    }

    /// <summary>Runs one step; an input error becomes a recorded problem and the step's result is the default.</summary>
    public T? Try<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (InputException e)
        {
            Error(e);
            return default;
        }
    }

    /// <summary>Runs one step; false (and the problem recorded) when it found an input error.</summary>
    public bool Try(Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (InputException e)
        {
            Error(e);
            return false;
        }
    }
}
