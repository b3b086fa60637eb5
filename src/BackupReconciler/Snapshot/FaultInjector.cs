using BackupReconciler.Host;
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
            var target = NormalizeTarget(reader.RequiredString("target"));
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
