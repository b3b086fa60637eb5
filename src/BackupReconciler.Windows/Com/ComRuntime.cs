using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Runtime.Versioning;

namespace BackupReconciler.Windows.Com;

/// <summary>
/// Creates COM objects by CLSID with <c>CoCreateInstance</c> and wraps them with source-generated COM
/// (<see cref="StrategyBasedComWrappers"/>): no ProgID lookup in the registry at run time, no built-in COM
/// interop, no <c>dynamic</c>, so the adapters trim and compile ahead of time without warnings.
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class ComRuntime
{
    /// <summary>CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER: HNetCfg and taskschd are in-process servers; either is accepted.</summary>
    private const uint ServerContext = 0x1 | 0x4;

    /// <summary>One wrapper instance for every object this process creates, so identity and caching are shared.</summary>
    private static readonly StrategyBasedComWrappers Wrappers = new();

    /// <summary>
    /// A new object of the class <paramref name="clsid"/>, as its interface <typeparamref name="T"/>. A
    /// unique instance, so <see cref="Release"/> ends it now rather than when the GC finalizes it.
    /// </summary>
    public static T Create<T>(Guid clsid)
        where T : class
    {
        var iid = typeof(T).GUID;
        Marshal.ThrowExceptionForHR(CoCreateInstance(clsid, 0, ServerContext, iid, out var pointer));
        try
        {
            return (T)Wrappers.GetOrCreateObjectForComInstance(pointer, CreateObjectFlags.UniqueInstance);
        }
        finally
        {
            // The wrapper holds its own reference.
            Marshal.Release(pointer);
        }
    }

    /// <summary>
    /// Releases a wrapper made by <see cref="Create{T}"/> now. Objects a COM method returns are shared
    /// wrappers, released when collected; this is a no-op for them, and for null.
    /// </summary>
    public static void Release(object? comObject)
    {
        if (comObject is ComObject wrapper)
        {
            wrapper.FinalRelease();
        }
    }

    /// <summary>VARIANT_TRUE is -1, VARIANT_FALSE 0; anything but 0 reads as true.</summary>
    public static short VariantBool(bool value) => value ? (short)-1 : (short)0;

    [LibraryImport("ole32.dll")]
    private static partial int CoCreateInstance(in Guid clsid, nint outer, uint context, in Guid iid, out nint pointer);
}
