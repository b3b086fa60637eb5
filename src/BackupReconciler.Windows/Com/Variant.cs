using System.Runtime.InteropServices;

namespace BackupReconciler.Windows.Com;

/// <summary>
/// A VARIANT as the typed interfaces pass it by value: 16 bytes on 32-bit, 24 on 64-bit (oaidl.h), all
/// fields primitive so the COM source generator passes it as it is. (The runtime's ComVariant would need
/// runtime marshalling disabled for the whole assembly, which the other adapters' P/Invokes rely on.)
/// Only the kinds the adapters pass are made here: empty (VT_EMPTY, an optional argument left out) and
/// a string (VT_BSTR, allocated with SysAllocString and freed by <see cref="Free"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Variant
{
    private const ushort VtBstr = 8;

    private ushort _type;
    private ushort _reserved1;
    private ushort _reserved2;
    private ushort _reserved3;
    private nint _value;
    private nint _record;

    /// <summary>VT_EMPTY.</summary>
    public static Variant Empty => default;

    /// <summary>A VT_BSTR holding a copy of <paramref name="text"/>; the caller frees it with <see cref="Free"/>.</summary>
    public static Variant FromString(string text) => new() { _type = VtBstr, _value = Marshal.StringToBSTR(text) };

    /// <summary>Frees what this VARIANT owns (VariantClear's job, for the kinds made here) and leaves it empty.</summary>
    public void Free()
    {
        if (_type == VtBstr && _value != 0)
        {
            Marshal.FreeBSTR(_value);
        }

        this = default;
    }
}
