using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using BackupReconciler.Windows.Com;

// Task Scheduler 2.0's interfaces as far as this adapter uses them, typed for source-generated COM. Vtable
// order, IIDs and the CLSID are those of the Windows SDK's taskschd.h, as Wine's include/taskschd.idl states
// them (wine-mirror/wine, include/taskschd.idl). Every interface derives from IDispatch, so its four slots
// come first (IDispatchSlots). Methods are declared in the header's order up to the last one called; property
// accessors are the get_/put_ methods the header declares. Strings are BSTR, VARIANT_BOOL is short, DATE is
// double, VARIANT is Com.Variant; interfaces this adapter never calls are returned as nint (and not released:
// they are never asked for).
namespace BackupReconciler.Windows.ScheduledTasks;

/// <summary>CLSID_TaskScheduler (ProgID Schedule.Service) and the constants of taskschd.h that the adapter passes.</summary>
internal static class TaskSchedulerApi
{
    public static readonly Guid Class = new("0f87369f-a4e5-4cfc-bd3e-73e6154572dd");

    /// <summary>TASK_CREATE_OR_UPDATE.</summary>
    public const int CreateOrUpdate = 6;

    /// <summary>TASK_LOGON_SERVICE_ACCOUNT: SYSTEM, LOCAL SERVICE, NETWORK SERVICE, no password.</summary>
    public const int LogonServiceAccount = 5;

    /// <summary>TASK_TRIGGER_TIME.</summary>
    public const int TimeTrigger = 1;

    /// <summary>TASK_ACTION_EXEC.</summary>
    public const int ExecAction = 0;
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("2faba4c7-4da9-4013-9697-20cc3fd40f85")]
internal partial interface ITaskService : IDispatchSlots
{
    ITaskFolder GetFolder(string path);

    nint GetRunningTasks(int flags);

    ITaskDefinition NewTask(uint flags);

    /// <summary>Empty VARIANTs: this machine, this process's user.</summary>
    void Connect(Variant server, Variant user, Variant domain, Variant password);
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("8cfac062-a080-4c15-9a88-aa7c2af80dfc")]
internal partial interface ITaskFolder : IDispatchSlots
{
    string? get_Name();

    string? get_Path();

    ITaskFolder GetFolder(string path);

    nint GetFolders(int flags);

    ITaskFolder CreateFolder(string name, Variant sddl);

    void DeleteFolder(string name, int flags);

    IRegisteredTask GetTask(string path);

    nint GetTasks(int flags);

    void DeleteTask(string name, int flags);

    IRegisteredTask RegisterTask(string path, string xml, int flags, Variant user, Variant password, int logonType, Variant sddl);

    IRegisteredTask RegisterTaskDefinition(string path, ITaskDefinition definition, int flags, Variant user, Variant password, int logonType, Variant sddl);
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("9c86f320-dee3-4dd1-b972-a303f26b061e")]
internal partial interface IRegisteredTask : IDispatchSlots
{
    string? get_Name();

    string? get_Path();

    int get_State();

    short get_Enabled();

    void put_Enabled(short enabled);

    nint Run(Variant parameters);

    nint RunEx(Variant parameters, int flags, int sessionId, string user);

    nint GetInstances(int flags);

    double get_LastRunTime();

    int get_LastTaskResult();

    int get_NumberOfMissedRuns();

    double get_NextRunTime();

    ITaskDefinition get_Definition();
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("f5bc8fc5-536d-4f77-b852-fbc1356fdeb6")]
internal partial interface ITaskDefinition : IDispatchSlots
{
    IRegistrationInfo get_RegistrationInfo();

    void put_RegistrationInfo(IRegistrationInfo info);

    ITriggerCollection get_Triggers();

    void put_Triggers(ITriggerCollection triggers);

    ITaskSettings get_Settings();

    void put_Settings(ITaskSettings settings);

    string? get_Data();

    void put_Data(string data);

    IPrincipal get_Principal();

    void put_Principal(IPrincipal principal);

    IActionCollection get_Actions();

    void put_Actions(IActionCollection actions);
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("416d8b73-cb41-4ea1-805c-9be9a5ac4a74")]
internal partial interface IRegistrationInfo : IDispatchSlots
{
    string? get_Description();

    void put_Description(string description);

    string? get_Author();

    void put_Author(string author);
}

/// <summary>ITaskSettings up to Enabled (its 24th method).</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("8fd4711d-2d02-4c8c-87e3-eff699de127e")]
internal partial interface ITaskSettings : IDispatchSlots
{
    short get_AllowDemandStart();

    void put_AllowDemandStart(short allow);

    string? get_RestartInterval();

    void put_RestartInterval(string interval);

    int get_RestartCount();

    void put_RestartCount(int count);

    /// <summary>TASK_INSTANCES_POLICY: 0 parallel, 1 queue, 2 ignore new, 3 stop existing.</summary>
    int get_MultipleInstances();

    void put_MultipleInstances(int policy);

    short get_StopIfGoingOnBatteries();

    void put_StopIfGoingOnBatteries(short stop);

    short get_DisallowStartIfOnBatteries();

    void put_DisallowStartIfOnBatteries(short disallow);

    short get_AllowHardTerminate();

    void put_AllowHardTerminate(short allow);

    short get_StartWhenAvailable();

    void put_StartWhenAvailable(short start);

    string? get_XmlText();

    void put_XmlText(string xml);

    short get_RunOnlyIfNetworkAvailable();

    void put_RunOnlyIfNetworkAvailable(short run);

    string? get_ExecutionTimeLimit();

    void put_ExecutionTimeLimit(string limit);

    short get_Enabled();

    void put_Enabled(short enabled);
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("85df5081-1b24-4f32-878a-d9d14df4cb77")]
internal partial interface ITriggerCollection : IDispatchSlots
{
    int get_Count();

    /// <summary>1-based, as the Task Scheduler collections are.</summary>
    ITrigger get_Item(int index);

    nint get__NewEnum();

    ITrigger Create(int type);

    void Remove(Variant index);

    void Clear();
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("09941815-ea89-4b5b-89e0-2a773801fac3")]
internal partial interface ITrigger : IDispatchSlots
{
    int get_Type();

    string? get_Id();

    void put_Id(string id);

    IRepetitionPattern get_Repetition();

    void put_Repetition(IRepetitionPattern repetition);

    string? get_ExecutionTimeLimit();

    void put_ExecutionTimeLimit(string limit);

    string? get_StartBoundary();

    void put_StartBoundary(string start);

    string? get_EndBoundary();

    void put_EndBoundary(string end);

    short get_Enabled();

    void put_Enabled(short enabled);
}

/// <summary>ITimeTrigger: ITrigger's slots, then RandomDelay.</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("b45747e0-eba7-4276-9f29-85c5bb300006")]
internal partial interface ITimeTrigger : ITrigger
{
    string? get_RandomDelay();

    void put_RandomDelay(string delay);
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("7fb9acf1-26be-400e-85b5-294b9c75dfd6")]
internal partial interface IRepetitionPattern : IDispatchSlots
{
    string? get_Interval();

    void put_Interval(string interval);

    string? get_Duration();

    void put_Duration(string duration);

    short get_StopAtDurationEnd();

    void put_StopAtDurationEnd(short stop);
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("02820e19-7b98-4ed2-b2e8-fdccceff619b")]
internal partial interface IActionCollection : IDispatchSlots
{
    int get_Count();

    /// <summary>1-based.</summary>
    IAction get_Item(int index);

    nint get__NewEnum();

    string? get_XmlText();

    void put_XmlText(string xml);

    IAction Create(int type);

    void Remove(Variant index);

    void Clear();
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("bae54997-48b1-4cbe-9965-d6be263ebea4")]
internal partial interface IAction : IDispatchSlots
{
    string? get_Id();

    void put_Id(string id);

    /// <summary>TASK_ACTION_TYPE: 0 exec.</summary>
    int get_Type();
}

/// <summary>IExecAction: IAction's slots, then Path, Arguments, WorkingDirectory.</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("4c3d624d-fd6b-49a3-b9b7-09cb3cd3f047")]
internal partial interface IExecAction : IAction
{
    string? get_Path();

    void put_Path(string path);

    string? get_Arguments();

    void put_Arguments(string arguments);

    string? get_WorkingDirectory();

    void put_WorkingDirectory(string directory);
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("d98d51e5-c9b4-496a-a9c1-18980261cf0f")]
internal partial interface IPrincipal : IDispatchSlots
{
    string? get_Id();

    void put_Id(string id);

    string? get_DisplayName();

    void put_DisplayName(string name);

    string? get_UserId();

    void put_UserId(string user);

    int get_LogonType();

    void put_LogonType(int logonType);

    string? get_GroupId();

    void put_GroupId(string group);

    int get_RunLevel();

    void put_RunLevel(int level);
}
