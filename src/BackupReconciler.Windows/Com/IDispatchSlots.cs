using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace BackupReconciler.Windows.Com;

/// <summary>
/// IDispatch's four methods, in its vtable order (oaidl.idl): the dual interfaces of Task Scheduler and the
/// firewall derive from IDispatch, so their own methods start after these slots. Never called here: the
/// typed interfaces call their vtable directly. BSTR is the string type for them and every derived interface.
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("00020400-0000-0000-C000-000000000046")]
internal partial interface IDispatchSlots
{
    uint GetTypeInfoCount();

    nint GetTypeInfo(uint index, uint localeId);

    void GetIDsOfNames(in Guid reserved, nint names, uint count, uint localeId, nint dispatchIds);

    void Invoke(int dispatchId, in Guid reserved, uint localeId, ushort flags, nint parameters, nint result, nint exceptionInfo, nint argumentError);
}
