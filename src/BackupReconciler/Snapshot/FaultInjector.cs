using BackupReconciler.Host;
using BackupReconciler.Host.Registry;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Snapshot;

/// <summary>
/// The snapshot's <c>faults</c>: make reads or changes of one target fail with a given Windows
/// error text, for tests and rehearsals. Consumption is per run; the file keeps its faults.
/// </summary>
public sealed class FaultInjector
{
    private static readonly EnumNames<FaultOperation> Operations = new(("read", FaultOperation.Read), ("set", FaultOperation.Set));

    private readonly List<Fault> _faults = [];

    public static FaultInjector Load(JToken? section, string file)
    {
        var injector = new FaultInjector();
        if (section is null)
        {
            return injector;
        }

        if (section is not JArray array)
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

    /// <summary>The targets a snapshot host checks: a kind and a name, or a whole list.</summary>
    private static readonly string[] NamedKinds = ["registry", "service", "firewall", "shadowStorage", "sql", "file", "task", "feature", "userRight", "eventLog"];

    private static readonly string[] WholeLists = ["antivirus", "volumes", "backupActivity"];

    private const string TargetForms =
        "registry:<key>, service:<name>, firewall:<name>, shadowStorage:<volume>, sql:<instance>, file:<path>, task:<path>, feature:<name>, userRight:<right>, eventLog:<log>, antivirus, volumes or backupActivity";

    /// <summary>Why a target names nothing any call checks (a fault that can never fire is a typo), or null.</summary>
    private static string? ProblemWithTarget(string target)
    {
        if (WholeLists.Contains(target, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? target : target[..colon];
        if (colon < 0 || !NamedKinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
        {
            return "which is not a kind of target, so the fault would never happen";
        }

        if (target[(colon + 1)..].Trim().Length == 0)
        {
            return "which names no " + kind;
        }

        return kind.Equals("registry", StringComparison.OrdinalIgnoreCase) && !RegistryKeyPath.TryParse(target[(colon + 1)..], out _)
            ? "whose key is not under HKLM, so the fault would never happen"
            : null;
    }

    /// <summary><c>registry:HKEY_LOCAL_MACHINE\X\</c> and <c>registry:hklm\x</c> name the same target.</summary>
    private static string NormalizeTarget(string target)
    {
        const string registry = "registry:";
        if (target.StartsWith(registry, StringComparison.OrdinalIgnoreCase)
            && RegistryKeyPath.TryParse(target[registry.Length..], out var key))
        {
            return registry + key.FullName;
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
