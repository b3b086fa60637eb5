using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using BackupReconciler.Windows.Com;

// The firewall API's interfaces as far as this adapter uses them, typed for source-generated COM. Vtable
// order, IIDs and CLSIDs are those of the Windows SDK's netfw.h, as Wine's include/netfw.idl states them
// (wine-mirror/wine, include/netfw.idl): each interface is dual, so IDispatch's slots come first. Methods
// are declared in that order up to the last one called; property accessors are the get_/put_ methods the
// header declares. BSTR strings (IDispatchSlots' marshalling), VARIANT_BOOL as short, VARIANT as Com.Variant.
namespace BackupReconciler.Windows.Firewall;

/// <summary>The classes the adapter creates (netfw.h: CLSID_NetFwPolicy2, CLSID_NetFwRule).</summary>
internal static class NetFwClasses
{
    public static readonly Guid Policy2 = new("e2b3c97f-6ae1-41ac-817a-f6f92166d7dd");

    public static readonly Guid Rule = new("2c5bc43e-3369-4c33-ab0c-be9469677af4");
}

/// <summary>INetFwPolicy2, up to Rules (its 12th method): the rule collection is all this adapter needs.</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("98325047-c671-4174-8d81-defcd3f03186")]
internal partial interface INetFwPolicy2 : IDispatchSlots
{
    int get_CurrentProfileTypes();

    short get_FirewallEnabled(int profileType);

    void put_FirewallEnabled(int profileType, short enabled);

    Variant get_ExcludedInterfaces(int profileType);

    void put_ExcludedInterfaces(int profileType, Variant interfaces);

    short get_BlockAllInboundTraffic(int profileType);

    void put_BlockAllInboundTraffic(int profileType, short block);

    short get_NotificationsDisabled(int profileType);

    void put_NotificationsDisabled(int profileType, short disabled);

    short get_UnicastResponsesToMulticastBroadcastDisabled(int profileType);

    void put_UnicastResponsesToMulticastBroadcastDisabled(int profileType, short disabled);

    INetFwRules get_Rules();
}

/// <summary>INetFwRules, whole.</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("9c4c6277-5027-441e-afae-ca1f542da009")]
internal partial interface INetFwRules : IDispatchSlots
{
    int get_Count();

    void Add(INetFwRule rule);

    /// <summary>Removes one rule of that name per call (the firewall allows several rules of one name).</summary>
    void Remove(string name);

    INetFwRule Item(string name);

    /// <summary>An IEnumVARIANT over the rules (unused: rules are read from the registry store).</summary>
    nint get__NewEnum();
}

/// <summary>INetFwRule, whole (its 36 accessors, Name to Action).</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("af230d27-baba-4e42-aced-f524f22cfce2")]
internal partial interface INetFwRule : IDispatchSlots
{
    string? get_Name();

    void put_Name(string name);

    string? get_Description();

    void put_Description(string description);

    string? get_ApplicationName();

    void put_ApplicationName(string imageName);

    string? get_ServiceName();

    void put_ServiceName(string service);

    int get_Protocol();

    void put_Protocol(int protocol);

    string? get_LocalPorts();

    void put_LocalPorts(string ports);

    string? get_RemotePorts();

    void put_RemotePorts(string ports);

    string? get_LocalAddresses();

    void put_LocalAddresses(string addresses);

    string? get_RemoteAddresses();

    void put_RemoteAddresses(string addresses);

    string? get_IcmpTypesAndCodes();

    void put_IcmpTypesAndCodes(string codes);

    int get_Direction();

    void put_Direction(int direction);

    Variant get_Interfaces();

    void put_Interfaces(Variant interfaces);

    string? get_InterfaceTypes();

    void put_InterfaceTypes(string types);

    short get_Enabled();

    void put_Enabled(short enabled);

    string? get_Grouping();

    void put_Grouping(string grouping);

    int get_Profiles();

    void put_Profiles(int profiles);

    short get_EdgeTraversal();

    void put_EdgeTraversal(short enabled);

    int get_Action();

    void put_Action(int action);
}
