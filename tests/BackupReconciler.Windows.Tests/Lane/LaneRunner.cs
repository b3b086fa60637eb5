using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace BackupReconciler.Windows.Tests.Lane;

/// <summary>
/// A small test runner for where no xUnit runner is (the Wine lane: the feed's xunit.runner.console
/// stops at 2.4.1, and a console runner would need a .NET install inside Wine, where this
/// self-contained program brings its own runtime): every public [Fact] and [Theory] of the assembly,
/// honouring Skip, each on a fresh instance that is disposed afterwards — what xUnit does for these
/// tests, which take no fixtures.
/// Each test gets <see cref="TestTimeLimit"/>: one that hangs is reported and abandoned, and the run
/// goes on. The last line is "LABEL: N passed, M failed" for CI to read.
/// </summary>
public static class LaneRunner
{
    /// <summary>Far above any test's need (the slowest waits a few seconds on a service), far below CI's patience.</summary>
    private static readonly TimeSpan TestTimeLimit = TimeSpan.FromSeconds(90);

    /// <param name="assembly">Where the tests are.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="label">The word before the closing counts: "wine" or "windows".</param>
    /// <param name="filter">Only tests whose Class.Method name contains this (for a person chasing one failure).</param>
    public static int Run(Assembly assembly, TextWriter output, string label, string? filter = null)
    {
        int passed = 0, failed = 0, skipped = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (type, method, fact) in Discover(assembly))
        {
            var name = $"{type.Name}.{method.Name}";
            if (filter is not null && !name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (fact.Skip is { } reason)
            {
                output.WriteLine($"SKIP {name}: {reason}");
                skipped++;
                continue;
            }

            foreach (var arguments in Cases(method, fact))
            {
                var display = arguments.Length == 0 ? name : $"{name}({string.Join(", ", arguments.Select(Show))})";
                var started = clock.Elapsed;
                var error = RunOne(type, method, arguments);
                var took = (clock.Elapsed - started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
                if (error is null)
                {
                    output.WriteLine($"PASS {display} ({took} ms)");
                    passed++;
                }
                else
                {
                    output.WriteLine($"FAIL {display} ({took} ms): {error}");
                    failed++;
                }
            }
        }

        output.WriteLine($"{skipped} skipped, in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        output.WriteLine($"{label}: {passed} passed, {failed} failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private static IEnumerable<(Type Type, MethodInfo Method, FactAttribute Fact)> Discover(Assembly assembly) =>
        from type in assembly.GetTypes()
        where type.IsClass && type.IsPublic && !type.IsAbstract
        orderby type.FullName, type.Name
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        let fact = method.GetCustomAttribute<FactAttribute>(inherit: true)
        where fact is not null
        orderby method.MetadataToken
        select (type, method, fact);

    private static IEnumerable<object?[]> Cases(MethodInfo method, FactAttribute fact) =>
        fact is TheoryAttribute
            ? method.GetCustomAttributes<Xunit.Sdk.DataAttribute>().SelectMany(data => data.GetData(method))
            : [[]];

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
            var instance = Activator.CreateInstance(type);
            try
            {
                method.Invoke(instance, arguments);
            }
            finally
            {
                (instance as IDisposable)?.Dispose();
            }

            return null;
        }
        catch (Exception e)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            return $"{cause.GetType().Name}: {cause.Message}{Environment.NewLine}{cause.StackTrace}";
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
