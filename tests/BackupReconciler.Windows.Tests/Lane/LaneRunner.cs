using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using BackupReconciler.Windows.Tests.Support;

namespace BackupReconciler.Windows.Tests.Lane;

/// <summary>
/// A small test runner for where no xUnit runner is (the Wine lane: the feed's xunit.runner.console
/// stops at 2.4.1, and a console runner would need a .NET install inside Wine, where this
/// self-contained program brings its own runtime). It finds tests as xUnit does — every [Fact] and
/// [Theory], public or not, instance or static — and runs each on a fresh instance that is disposed
/// afterwards, waiting for the ones that return a task. What xUnit would never run (a test in a
/// non-public class) or cannot run (async void, a [Fact] with parameters, a theory without data)
/// fails loudly instead of going unrun.
/// In the Wine lane it also fails when the run proved less than the lane claims: a test meant to
/// run under Wine that was skipped, or an area with fewer passing live tests than .ci/lanes.expected
/// says. Each test gets <see cref="TestTimeLimit"/>: one that hangs is reported and abandoned, and the
/// run goes on. The last line is "LABEL: N passed, M failed" for CI to read.
/// </summary>
public static class LaneRunner
{
    /// <summary>Far above any test's need (the slowest waits a few seconds on a service), far below CI's patience.</summary>
    private static readonly TimeSpan TestTimeLimit = TimeSpan.FromSeconds(90);

    private const BindingFlags EveryMethod =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;

    /// <summary>Runs the tests of <paramref name="types"/>; 0 when something passed and nothing failed.</summary>
    public static int Run(IEnumerable<Type> types, TextWriter output, LaneSettings settings)
    {
        var typeList = types.ToList();
        int passed = 0, failed = 0, skipped = 0;
        var passedByArea = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        void Fail(string what)
        {
            output.WriteLine($"FAIL {what}");
            failed++;
        }

        foreach (var test in Discover(typeList))
        {
            var name = $"{test.Type.Name}.{test.Method.Name}";
            if (settings.Filter is { } filter && !name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (test.Refusal is { } refusal)
            {
                Fail($"{name}: {refusal}");
                continue;
            }

            if (test.Fact.Skip is { } reason)
            {
                if (settings.IsWineLane && test.Fact is ILiveWindowsTest { MeantForWine: true })
                {
                    Fail($"{name}: it is meant to run under Wine, but was skipped: {reason}");
                }
                else
                {
                    output.WriteLine($"SKIP {name}: {reason}");
                    skipped++;
                }

                continue;
            }

            if (!TryGetCases(test.Method, test.Fact, out var cases, out var noCases))
            {
                Fail($"{name}: {noCases}");
                continue;
            }

            foreach (var arguments in cases)
            {
                var display = arguments.Length == 0 ? name : $"{name}({string.Join(", ", arguments.Select(Show))})";
                var started = clock.Elapsed;
                var error = RunOne(test.Type, test.Method, arguments);
                var took = (clock.Elapsed - started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
                if (error is not null)
                {
                    Fail($"{display} ({took} ms): {error}");
                    continue;
                }

                output.WriteLine($"PASS {display} ({took} ms)");
                passed++;
                if (test.Fact is ILiveWindowsTest && test.Type.GetCustomAttribute<LaneAreaAttribute>() is { } area)
                {
                    passedByArea[area.Name] = passedByArea.GetValueOrDefault(area.Name) + 1;
                }
            }
        }

        if (settings.IsWineLane && settings.Filter is null)
        {
            foreach (var shortfall in Shortfalls(typeList, passedByArea, settings, output))
            {
                Fail(shortfall);
            }
        }
        else if (settings.IsWineLane)
        {
            output.WriteLine("a filtered run: the lane's counts (.ci/lanes.expected) are not checked");
        }

        output.WriteLine($"{skipped} skipped, in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        output.WriteLine($"{settings.Label}: {passed} passed, {failed} failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    /// <summary>
    /// Per area of the lane's list, the line "LABEL AREA: N passed" (what .ci/lane-expect.sh reads),
    /// and a failure for each area with fewer than the list expects, and for each area a test class
    /// names that the list does not (so the list cannot fall behind the tests).
    /// </summary>
    private static IEnumerable<string> Shortfalls(List<Type> types, Dictionary<string, int> passedByArea, LaneSettings settings, TextWriter output)
    {
        foreach (var (area, atLeast) in settings.Expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var count = passedByArea.GetValueOrDefault(area);
            output.WriteLine($"{settings.Label} {area}: {count.ToString(CultureInfo.InvariantCulture)} passed");
            if (count < atLeast)
            {
                yield return $"lane area {area}: {count.ToString(CultureInfo.InvariantCulture)} live tests passed, and .ci/lanes.expected says at least {atLeast.ToString(CultureInfo.InvariantCulture)} must: the lane did not prove what it claims";
            }
        }

        var named = types.Select(t => t.GetCustomAttribute<LaneAreaAttribute>()?.Name).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var area in named.Where(a => !settings.Expected.ContainsKey(a)).Order(StringComparer.Ordinal))
        {
            yield return $"lane area {area}: test classes name it, but .ci/lanes.expected has no row \"{settings.Label} {area} N\"; add one";
        }
    }

    /// <summary>A test method as found, with why it cannot be run when it cannot.</summary>
    private sealed record FoundTest(Type Type, MethodInfo Method, FactAttribute Fact, string? Refusal);

    private static IEnumerable<FoundTest> Discover(List<Type> types) =>
        from type in types
        where type.IsClass && (!type.IsAbstract || type.IsSealed) // abstract bases run through their subclasses; static classes are abstract and sealed
        orderby type.FullName, type.Name
        from method in type.GetMethods(EveryMethod)
        let fact = method.GetCustomAttribute<FactAttribute>(inherit: true)
        where fact is not null
        orderby method.MetadataToken
        select new FoundTest(type, method, fact, WhyNotRunnable(type, method, fact));

    private static string? WhyNotRunnable(Type type, MethodInfo method, FactAttribute fact)
    {
        if (!type.IsVisible)
        {
            return $"its class {type.FullName} is not public, and xUnit does not look in non-public classes, so no run would ever run it; make the class public";
        }

        if (method.IsGenericMethodDefinition)
        {
            return "it is a generic method, which no runner can call without type arguments";
        }

        if (fact is not TheoryAttribute && method.GetParameters().Length > 0)
        {
            return "a [Fact] takes no parameters (xUnit refuses it too); make it a [Theory] with data";
        }

        if (method.ReturnType == typeof(void) && method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null)
        {
            return "it is async void: nothing can wait for it to finish, so what fails after its first await would be lost; return Task";
        }

        return method.ReturnType == typeof(void) || method.ReturnType == typeof(Task) || method.ReturnType == typeof(ValueTask)
            ? null
            : $"it returns {method.ReturnType.Name}; a test returns void, Task or ValueTask";
    }

    /// <summary>A fact's one empty case, or a theory's rows; a theory without rows fails, as in xUnit ("No data found").</summary>
    private static bool TryGetCases(MethodInfo method, FactAttribute fact, out List<object?[]> cases, out string? problem)
    {
        problem = null;
        cases = [[]];
        if (fact is not TheoryAttribute)
        {
            return true;
        }

        try
        {
            cases = method.GetCustomAttributes<Xunit.Sdk.DataAttribute>().SelectMany(data => data.GetData(method)).ToList();
        }
        catch (Exception e)
        {
            problem = $"its data could not be read: {Cause(e).GetType().Name}: {Cause(e).Message}";
            return false;
        }

        if (cases.Count == 0)
        {
            problem = "it is a theory with no data rows; xUnit fails it (\"No data found\"), and so does this runner: a test that runs no case proves nothing";
            return false;
        }

        return true;
    }

    /// <summary>Null when the test passed, else what failed: the exception's type, message and where it was thrown.</summary>
    private static string? RunOne(Type type, MethodInfo method, object?[] arguments)
    {
        string? error = null;
        var thread = new Thread(() => error = RunOnThisThread(type, method, arguments)) { IsBackground = true };
        thread.Start();
        return thread.Join(TestTimeLimit)
            ? error
            : $"did not finish within {TestTimeLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; abandoned";
    }

    private static string? RunOnThisThread(Type type, MethodInfo method, object?[] arguments)
    {
        try
        {
            var instance = method.IsStatic ? null : Activator.CreateInstance(type);
            try
            {
                // A test that returns a task has finished when the task has, not when the method returns.
                switch (method.Invoke(instance, arguments))
                {
                    case Task task:
                        task.GetAwaiter().GetResult();
                        break;
                    case ValueTask valueTask:
                        valueTask.GetAwaiter().GetResult();
                        break;
                }
            }
            finally
            {
                switch (instance)
                {
                    case IAsyncDisposable asyncDisposable:
                        asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }

            return null;
        }
        catch (Exception e)
        {
            var cause = Cause(e);
            return $"{cause.GetType().Name}: {cause.Message}{Environment.NewLine}{cause.StackTrace}";
        }
    }

    private static Exception Cause(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>
/// How a lane run is judged. <see cref="IsWineLane"/>: the run is the Wine lane, so a test meant to
/// run under Wine must not be skipped and every area must reach its count in <see cref="Expected"/>.
/// </summary>
public sealed record LaneSettings(string Label)
{
    public bool IsWineLane { get; init; }

    /// <summary>Per area, the least number of live tests that must pass (the lane's rows of .ci/lanes.expected).</summary>
    public IReadOnlyDictionary<string, int> Expected { get; init; } = new Dictionary<string, int>();

    /// <summary>Only tests whose Class.Method name contains this (for a person chasing one failure); the counts are then not checked.</summary>
    public string? Filter { get; init; }

    /// <summary>The Wine lane as CI runs it: judged by its rows of the built-in list.</summary>
    public static LaneSettings Wine(string? filter = null) =>
        new("wine") { IsWineLane = true, Expected = LaneExpectations.BuiltIn().For("wine"), Filter = filter };
}
