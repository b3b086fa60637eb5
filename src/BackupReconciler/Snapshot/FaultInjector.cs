using BackupReconciler.Host;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Snapshot;

/// <summary>
/// The snapshot's <c>faults</c>: make reads or changes of one target fail with a given Windows
/// error text, for tests and rehearsals. Consumption is per run; the file keeps its faults.
/// </summary>
public sealed class FaultInjector
{
    private static readonly EnumNames<FaultOperation> Operations = new(("read", FaultOperation.Read), ("set", FaultOperation.Set));

    private readonly List<Fault> _faults = [];

    public static FaultInjector Load(JsonItem? section, string file)
    {
        var injector = new FaultInjector();
        if (section is null)
        {
            return injector;
        }

        if (section is not JsonArrayItem array)
        {
            throw new InputException(JsonObjectReader.Locate(section, file), "\"faults\" must be an array of { \"operation\", \"target\", \"message\", \"times\" }.");
        }

        foreach (var item in array)
        {
            var reader = JsonObjectReader.ForObject(item, file, "a fault");
            var operation = reader.RequiredEnum("operation", Operations);
            var written = reader.RequiredString("target");
            if (ProblemWithTarget(written) is { } problem)
            {
                throw reader.Error(reader.Json["target"], $"\"target\" of a fault is \"{written}\", {problem}; use {TargetForms}.");
            }

            var target = NormalizeTarget(written);
            var message = reader.OptionalString("message") ?? "Access is denied.";
            var times = reader.OptionalInteger("times", 1, int.MaxValue);
            reader.RejectUnknownMembers();
            injector._faults.Add(new Fault(operation, target, message, times));
        }

        return injector;
    }

    /// <summary>Throws the injected error when a fault matches this call, and counts it down.</summary>
    public void Check(FaultOperation operation, string target)
    {
        if (_faults.Count == 0)
        {
            return;
        }

        var normalized = NormalizeTarget(target);
        foreach (var fault in _faults)
        {
            if (fault.Operation == operation && fault.Remaining != 0 && fault.Target.Equals(normalized, StringComparison.OrdinalIgnoreCase))
            {
                if (fault.Remaining > 0)
                {
                    fault.Remaining--;
                }

                throw new HostOperationException(fault.Message);
            }
        }
    }

    /// <summary>The kinds of target the technologies declare (<see cref="HostTechnologies.FaultKinds"/>).</summary>
    private static IReadOnlyList<FaultKind> Kinds => HostTechnologies.FaultKinds;

    /// <summary>The targets a snapshot host checks, as the error for a wrong one lists them: kinds and names first, then whole lists.</summary>
    private static readonly string TargetForms = ListForms();

    private static string ListForms()
    {
        var forms = Kinds.Where(k => k.NamedBy is not null).Concat(Kinds.Where(k => k.NamedBy is null)).Select(k => k.Form).ToList();
        return string.Join(", ", forms[..^1]) + " or " + forms[^1];
    }

    /// <summary>Why a target names nothing any call checks (a fault that can never fire is a typo), or null.</summary>
    private static string? ProblemWithTarget(string target)
    {
        if (Kinds.Any(k => k.NamedBy is null && k.Name.Equals(target, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var written = colon < 0 ? target : target[..colon];
        var kind = colon < 0 ? null : NamedKind(written);
        if (kind is null)
        {
            return "which is not a kind of target, so the fault would never happen";
        }

        var name = target[(colon + 1)..];
        if (name.Trim().Length == 0)
        {
            return "which names no " + written;
        }

        return kind.CanCheck(name) ? null : kind.NotCanonical;
    }

    private static FaultKind? NamedKind(string name) =>
        Kinds.FirstOrDefault(k => k.NamedBy is not null && k.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>registry:HKEY_LOCAL_MACHINE\X\</c> and <c>registry:hklm\x</c> name the same target: a kind may spell its names one way.</summary>
    private static string NormalizeTarget(string target)
    {
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && NamedKind(target[..colon]) is { } kind && kind.Canonical(target[(colon + 1)..]) is { } canonical)
        {
            return kind.Target(canonical);
        }

        return target.TrimEnd('\\');
    }

    private sealed class Fault(FaultOperation operation, string target, string message, long? times)
    {
        public FaultOperation Operation { get; } = operation;

        public string Target { get; } = target;

        public string Message { get; } = message;

        /// <summary>-1 = always.</summary>
        public long Remaining { get; set; } = times ?? -1;
    }
}

public enum FaultOperation
{
    Read,
    Set,
}
