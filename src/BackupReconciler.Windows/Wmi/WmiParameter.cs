using Microsoft.Management.Infrastructure;

namespace BackupReconciler.Windows.Wmi;

/// <summary>
/// One input parameter of a WMI method, with the CIM type MI sends it as. The type is stated rather
/// than left to MI's guess, so that a uint64 maximum is never sent as a sint64 or a string array as an
/// instance.
/// </summary>
internal sealed record WmiParameter(string Name, object Value)
{
    public CimType Type => Value switch
    {
        string => CimType.String,
        string[] => CimType.StringArray,
        ulong => CimType.UInt64,
        uint => CimType.UInt32,
        bool => CimType.Boolean,
        _ => throw new ArgumentException($"{Name}: a {Value.GetType().Name} has no CIM type this tool sends.", nameof(Value)),
    };
}
