using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Laws;

/// <summary>
/// FsCheck generators, one per resource type: a random but valid desired state for resource number
/// <c>i</c> of a baseline, and a random actual state for it (present, absent, other values, names in
/// other spellings Windows treats as the same). Everything a resource touches carries <c>i</c> in its
/// name, so the resources of one baseline never act on the same thing: their laws hold one by one.
/// </summary>
public static class ResourceGenerators
{
    /// <summary>The types with a generator; a test checks this is every type the catalog has.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        "registry", "service", "shadowStorage", "antivirusExclusion", "pathList", "sqlLogin", "freeSpace", "sqlAgentAccount", "sqlAgentJobs",
        "scheduledTask", "windowsFeature", "userRight", "eventLogQuiet", "firewallRule", "jsonFile", "hostsEntry", "tempFiles", "fileAccess",
        "file",
    ];

    public static Gen<GeneratedResource> Of(string type, int i) => type switch
    {
        "registry" => Registry(i),
        "service" => Service(i),
        "shadowStorage" => ShadowStorage(i),
        "antivirusExclusion" => Antivirus(i),
        "pathList" => PathList(i),
        "sqlLogin" => SqlLogin(i),
        "freeSpace" => FreeSpace(i),
        "sqlAgentAccount" => SqlAgentAccount(i),
        "sqlAgentJobs" => SqlAgentJobs(i),
        "scheduledTask" => ScheduledTask(i),
        "windowsFeature" => WindowsFeature(i),
        "userRight" => UserRight(i),
        "eventLogQuiet" => EventLogQuiet(i),
        "firewallRule" => FirewallRule(i),
        "jsonFile" => JsonFile(i),
        "hostsEntry" => HostsEntry(i),
        "tempFiles" => TempFiles(i),
        "fileAccess" => FileAccess(i),
        "file" => File(i),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no generator for this type"),
    };

    // ---- registry: values of every kind, absent values and minimums, under a key in any of its spellings

    private static Gen<GeneratedResource> Registry(int i)
    {
        var subKey = $@"SOFTWARE\Gen{i}\Settings";
        return from prefix in Gen.Elements(@"HKLM\", @"HKEY_LOCAL_MACHINE\", @"HKLM:\", @"hklm\")
               from declared in Spelling(subKey)
               from trailing in Gen.Elements("", @"\")
               from view32 in Chance(25)
               from keyExists in Chance(85)
               from stored in Spelling(subKey)
               from count in Gen.Choose(1, 3)
               from values in Each(count, j => RegistryValueCase($"V{j}"))
               from unrelated in Chance(50)
               select new GeneratedResource(
                   "registry",
                   Props(("key", prefix + declared + trailing), ("view", view32 ? 32 : null), ("values", new JObject(values.Select(v => new JProperty(v.Name, v.Desired))))),
                   host =>
                   {
                       if (!keyExists)
                       {
                           return;
                       }

                       var key = host.RegistryKey(@"HKLM\" + (view32 ? stored[..8] + @"\WOW6432Node" + stored[8..] : stored));
                       foreach (var value in values.Where(v => v.Actual is not null))
                       {
                           key[value.StoredName] = value.Actual;
                       }

                       if (unrelated)
                       {
                           key["Unrelated"] = new JObject { ["kind"] = "qword", ["data"] = ulong.MaxValue };
                       }
                   },
                   MayFail: false);
    }

    private sealed record ValueCase(string Name, string StoredName, JObject Desired, JObject? Actual);

    private static readonly string[] Kinds = ["string", "expandString", "multiString", "binary", "dword", "qword"];

    private static Gen<ValueCase> RegistryValueCase(string name) =>
        from stored in Spelling(name)
        from shape in Gen.Frequency((6, Gen.Constant("present")), (2, Gen.Constant("absent")), (2, Gen.Constant("atLeast")))
        from kind in Gen.Elements(Kinds)
        from data in Data(kind)
        from otherKind in Gen.Elements(Kinds)
        from otherData in Data(otherKind)
        from sameKindData in Data(kind)
        from actual in Gen.Elements("missing", "same", "sameKindOther", "otherKind")
        from numberKind in Gen.Elements("dword", "qword")
        from minimum in Gen.Elements(0L, 1L, 379893L, 4294967295L)
        from offset in Gen.Elements(-1L, 0L, 5L)
        from rare in Chance(25)
        from rareValue in Gen.Elements(RareKinds)
        select shape switch
        {
            "absent" => new ValueCase(name, stored,
                offset == 0 ? new JObject { ["ensure"] = "absent", ["kind"] = kind } : new JObject { ["ensure"] = "absent" },
                actual == "missing" ? null : rare ? (JObject)rareValue.DeepClone() : Value(otherKind, otherData)),
            "atLeast" => new ValueCase(name, stored,
                new JObject { ["kind"] = numberKind, ["atLeast"] = minimum },
                actual switch
                {
                    "missing" => null,
                    "otherKind" => Value("string", "379893"),
                    _ => Value(numberKind, Math.Clamp(minimum + offset, 0L, numberKind == "dword" ? uint.MaxValue : long.MaxValue)),
                }),
            _ => new ValueCase(name, stored,
                Value(kind, data.Written),
                actual switch
                {
                    "missing" => null,
                    "same" => Value(kind, data.Canonical),
                    "sameKindOther" => Value(kind, sameKindData.Canonical),
                    _ => rare ? (JObject)rareValue.DeepClone() : Value(otherKind, otherData.Canonical),
                }),
        };

    /// <summary>Values of the kinds beyond the six, as a live registry holds them: they must read as present, with their kind and bytes, and undo must restore them exactly.</summary>
    private static readonly JObject[] RareKinds =
    [
        Value("none", ""),
        Value("dwordBigEndian", "00001c20"),
        Value("type:4660", "0a0b0c"),
    ];

    private static JObject Value(string kind, JToken data) => new() { ["kind"] = kind, ["data"] = data };

    private static JObject Value(string kind, (JToken Written, JToken Canonical) data) => Value(kind, data.Canonical);

    /// <summary>Data of a kind: as a baseline may write it, and as the snapshot stores it.</summary>
    private static Gen<(JToken Written, JToken Canonical)> Data(string kind) => kind switch
    {
        "string" or "expandString" => Gen.Elements("", "7200", @"C:\Program Files\X", "Ünïcødé ✓", @"%SystemRoot%\x").Select(s => Same(s)),
        "multiString" => Gen.SubListOf("a", "B", "Ünï", "").Select(l => Same(new JArray(l.Cast<object>().ToArray()))),
        "binary" => Gen.Elements(("", ""), ("00", "00"), ("01FF0a", "01ff0a"), ("de ad,be ef", "deadbeef")).Select(p => ((JToken)p.Item1, (JToken)p.Item2)),
        "dword" => from n in Gen.Elements(0u, 1u, 7200u, 1800000u, uint.MaxValue)
                   from hex in Chance(30)
                   select (hex ? (JToken)$"0x{n:X}" : n, (JToken)n),
        _ => from n in Gen.Elements(0ul, 1ul, 4294967296ul, ulong.MaxValue)
             from hex in Chance(30)
             select (hex ? (JToken)$"0x{n:x}" : n, (JToken)n),
    };

    private static (JToken, JToken) Same(JToken token) => (token, token.DeepClone());

    // ---- service: start type, state and account, with a dependency and a dependent that may stand in the way

    private static readonly string[] DesiredAccounts = ["LocalSystem", @"NT AUTHORITY\SYSTEM", "NetworkService", @"CONTOSO\gmsa-backup$", @".\backup", @"CONTOSO\backup"];

    private static Gen<GeneratedResource> Service(int i)
    {
        var name = $"GenSvc{i}";
        return from declaredName in Spelling(name)
               from startType in Maybe(Gen.Elements("automatic", "automaticDelayed", "manual", "disabled"))
               from state in Maybe(Gen.Elements("running", "stopped"))
               from account in Maybe(Gen.Elements(DesiredAccounts.Append($@"NT SERVICE\{name}").ToArray()))
               from fallbackState in Gen.Elements("running", "stopped")
               from installed in Chance(90)
               from storedName in Spelling(name)
               from actualStart in Gen.Elements("automatic", "automaticDelayed", "manual", "disabled", "boot", "system")
               from actualState in Gen.Elements("running", "stopped", "paused")
               from actualAccount in Gen.Elements("LocalSystem", @"nt authority\system", "SYSTEM", @"NT AUTHORITY\NETWORK SERVICE", $@"NT SERVICE\{name}", @"HOST01\backup", @"CONTOSO\backup", @"contoso\GMSA-backup$")
               from dependency in Maybe(Gen.Elements("running/automatic", "stopped/manual", "stopped/disabled", "running/disabled"))
               from wantedDependent in Maybe(Gen.Elements("running", "stopped"))

               // Windows never has a dependent running while the service it depends on is stopped.
               let dependent = wantedDependent == "running" && actualState == "stopped" ? "stopped" : wantedDependent
               let desiredState = startType is null && state is null && account is null ? fallbackState : state
               let mayFail = !installed
                   || (desiredState == "running" && actualState != "running"
                       && ((startType ?? actualStart) == "disabled" || dependency == "stopped/disabled"))
                   || (desiredState == "stopped" && actualState != "stopped" && dependent == "running")
               select new GeneratedResource(
                   "service",
                   Props(("name", declaredName), ("startType", startType), ("state", desiredState), ("account", account)),
                   host =>
                   {
                       if (!installed)
                       {
                           return;
                       }

                       var services = host.Section("services");
                       services[storedName] = new JObject
                       {
                           ["startType"] = actualStart,
                           ["state"] = actualState,
                           ["account"] = actualAccount,
                           ["dependsOn"] = dependency is null ? new JArray() : new JArray($"GenDep{i}"),
                       };
                       if (dependency is not null)
                       {
                           var parts = dependency.Split('/');
                           services[$"GenDep{i}"] = new JObject { ["startType"] = parts[1], ["state"] = parts[0] };
                       }

                       if (dependent is not null)
                       {
                           services[$"GenUp{i}"] = new JObject { ["startType"] = "manual", ["state"] = dependent, ["dependsOn"] = new JArray(name.ToUpperInvariant()) };
                       }
                   },
                   mayFail);
    }

    // ---- shadowStorage: an association on its own volume or on C:, limits in every form, missing volumes

    private static Gen<GeneratedResource> ShadowStorage(int i)
    {
        var letter = $"{(char)('D' + i)}:";
        return from forSpelling in Gen.Elements(letter, letter.ToLowerInvariant(), letter + @"\")
               from onVolume in Gen.Frequency((6, Gen.Constant(letter)), (3, Gen.Constant("C:")), (1, Gen.Constant("Y:")))
               from onSpelling in Gen.Elements(onVolume, onVolume.ToLowerInvariant(), onVolume + @"\")
               from maxSize in Gen.OneOf(
                   Gen.Choose(1, 40960).Select(mb => (JToken)(mb * 1048576L)),
                   Gen.Elements("900MB", "20GB", "1.5TB", "1 GB", "unbounded", "UNBOUNDED", "10%", "100%", "0.5%", "3 %").Select(s => (JToken)s))
               from forExists in Chance(92)
               from volumeSize in Gen.Elements(10737418240L, 536870912000L, 2199023255552L)
               from association in Gen.Elements("none", "unbounded", "small", "large", "huge")
               from storedFor in Gen.Elements(letter, letter.ToLowerInvariant())
               from otherAssociation in Chance(30)
               let mayFail = !forExists || onVolume == "Y:"
               select new GeneratedResource(
                   "shadowStorage",
                   Props(("forVolume", forSpelling), ("onVolume", onSpelling), ("maxSize", maxSize)),
                   host =>
                   {
                       if (forExists)
                       {
                           host.Volume(letter, volumeSize, volumeSize / 2);
                       }

                       var associations = host.List("shadowStorage");
                       if (association != "none")
                       {
                           associations.Add(new JObject
                           {
                               ["forVolume"] = storedFor,
                               ["onVolume"] = onVolume.ToLowerInvariant(),
                               ["maxSizeBytes"] = association switch
                               {
                                   "small" => 1048576L,
                                   "large" => 21474836480L,
                                   "huge" => long.MaxValue,
                                   _ => null,
                               },
                           });
                       }

                       if (otherAssociation)
                       {
                           associations.Add(new JObject { ["forVolume"] = letter, ["onVolume"] = "X:", ["maxSizeBytes"] = 1024 });
                       }
                   },
                   mayFail);
    }

    // ---- antivirusExclusion: entries in other spellings (facts, case, trailing backslash, leading dot) count as present

    private static Gen<GeneratedResource> Antivirus(int i)
    {
        (string Desired, string[] Present)[] paths = [($@"%ProgramFiles%\Gen{i}\Data", [$@"c:\program files\gen{i}\data\", $@"C:\Program Files\Gen{i}\Data"]), ($@"C:\Gen{i}\Scratch\", [$@"C:\GEN{i}\SCRATCH", $@"c:\gen{i}\scratch\"])];
        (string Desired, string[] Present)[] processes = [($"gen{i}.exe", [$"GEN{i}.EXE"]), ($@"%ProgramFiles%\Gen{i}\bin\agent.exe", [$@"C:\Program Files\Gen{i}\bin\AGENT.exe"])];
        (string Desired, string[] Present)[] extensions = [($".g{i}bak", [$"G{i}BAK", $".g{i}bak"]), ($"g{i}vhd", [$".G{i}VHD"])];
        return from kinds in Gen.SubListOf("paths", "processes", "extensions").Where(l => l.Count > 0)
               from lists in Gen.CollectToList(kinds, kind => ExclusionList(kind switch { "paths" => paths, "processes" => processes, _ => extensions }))
               from duplicate in Chance(15)
               select new GeneratedResource(
                   "antivirusExclusion",
                   new JObject(kinds.Zip(lists, (kind, list) => new JProperty(kind,
                       new JArray(list.Select(e => e.Desired).Concat(duplicate ? list.Take(1).Select(e => e.Desired.ToUpperInvariant()) : []))))),
                   host =>
                   {
                       foreach (var (kind, list) in kinds.Zip(lists))
                       {
                           var section = host.Antivirus(kind switch { "paths" => "exclusionPaths", "processes" => "exclusionProcesses", _ => "exclusionExtensions" });
                           section.Add($"other{i}-{kind}");
                           foreach (var entry in list.Where(e => e.Present is not null))
                           {
                               section.Add(entry.Present);
                           }
                       }
                   },
                   MayFail: false);
    }

    private static Gen<List<(string Desired, string? Present)>> ExclusionList((string Desired, string[] Present)[] candidates) =>
        from chosen in Gen.SubListOf(candidates).Where(l => l.Count > 0)
        from states in Gen.CollectToList(chosen, c => Maybe(Gen.Elements(c.Present)))
        select chosen.Zip(states, (c, present) => (c.Desired, present)).ToList();

    // ---- pathList: a machine variable with entries in other spellings, missing, or of the wrong kind

    private const string EnvironmentKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment";

    private static Gen<GeneratedResource> PathList(int i)
    {
        (string Desired, string Other)[] entries = [($@"C:\Gen{i}\Modules", $@"c:\gen{i}\modules\"), ($@"%ProgramFiles%\Gen{i}\PS", $@"C:\Program Files\GEN{i}\PS"), ($@"C:\Gen{i}\Tools\", $@"C:\Gen{i}\Tools")];
        return from variable in Spelling($"GenPath{i}")
               from chosen in Gen.SubListOf(entries).Where(l => l.Count > 0)
               from shape in Gen.Frequency((2, Gen.Constant("missing")), (7, Gen.Constant("present")), (1, Gen.Constant("dword")))
               from kind in Gen.Elements("string", "expandString")
               from present in Gen.SubListOf(entries.Select(e => e.Other).Append(@"C:\Windows\system32").Append(@"%SystemRoot%"))
               from separator in Gen.Elements(";", ";;")
               from trailing in Gen.Elements("", ";")
               select new GeneratedResource(
                   "pathList",
                   Props(("variable", $"GenPath{i}"), ("contains", new JArray(chosen.Select(e => e.Desired)))),
                   host =>
                   {
                       if (shape == "missing")
                       {
                           return;
                       }

                       host.RegistryKey(EnvironmentKey)[variable] = shape == "dword"
                           ? Value("dword", 1)
                           : Value(kind, string.Join(separator, present) + trailing);
                   },
                   MayFail: shape == "dword");
    }

    // ---- sqlLogin: a Windows login that may be missing, with roles in any case

    private static Gen<GeneratedResource> SqlLogin(int i)
    {
        var instance = $"GENSQL{i}";
        return from login in Gen.Elements($@"NT SERVICE\GenWl{i}", $@"CONTOSO\gen{i}")
               from roles in Maybe(Gen.SubListOf("sysadmin", "dbcreator", "public", "SecurityAdmin").Select(l => new JArray(l.Cast<object>().ToArray())))
               from instanceExists in Chance(90)
               from storedInstance in Spelling(instance)
               from declaredInstance in Spelling(instance)
               from loginExists in Chance(60)
               from storedLogin in Spelling(login)
               from held in Gen.SubListOf("SYSADMIN", "dbcreator", "public", "processadmin")
               select new GeneratedResource(
                   "sqlLogin",
                   Props(("instance", declaredInstance), ("login", login), ("serverRoles", roles)),
                   host =>
                   {
                       if (!instanceExists)
                       {
                           return;
                       }

                       var logins = new JObject();
                       if (loginExists)
                       {
                           logins[storedLogin] = new JObject { ["serverRoles"] = new JArray(held.Cast<object>().ToArray()) };
                       }

                       logins["CONTOSO\\someone-else"] = new JObject { ["serverRoles"] = new JArray("sysadmin") };
                       host.Section("sqlInstances")[storedInstance] = new JObject { ["logins"] = logins };
                   },
                   MayFail: !instanceExists);
    }

    // ---- freeSpace: audit only; the volume may be full, empty, of size zero, or missing

    private static Gen<GeneratedResource> FreeSpace(int i)
    {
        var letter = $"{(char)('N' + i)}:";
        return from onSystemDrive in Chance(30)
               from path in onSystemDrive ? Gen.Elements($@"%SystemDrive%\Gen{i}", $@"C:\Gen{i}\Scratch") : Gen.Elements($@"{letter}\Gen{i}\Scratch", $@"{letter.ToLowerInvariant()}\")
               from minimum in Gen.Elements(0.5m, 5m, 10m, 12.5m, 50m, 100m)
               from exists in Chance(90)
               from size in Gen.Elements(0L, 1073741824L, 536870912000L)
               from freeShare in Gen.Elements(0L, 1L, 5L, 10L, 50L, 100L)
               let mayFail = !onSystemDrive && !exists
               select new GeneratedResource(
                   "freeSpace",
                   Props(("path", path), ("minimumFreePercent", minimum)),
                   host =>
                   {
                       if (!onSystemDrive && exists)
                       {
                           host.Volume(letter, size, size / 100 * freeShare);
                       }
                   },
                   mayFail);
    }

    // ---- sqlAgentAccount: DPM's record of the Agent account, equal in another spelling, other, missing, or not a string

    private static readonly string[] AgentAccounts = ["LocalSystem", @"NT AUTHORITY\SYSTEM", @".\MICROSOFT$DPM$Acct", @"HOST01\MICROSOFT$DPM$Acct", @"CONTOSO\sqlagent"];

    private static Gen<GeneratedResource> SqlAgentAccount(int i)
    {
        var instance = $"GENAGT{i}";
        var setupKey = $@"HKLM\SOFTWARE\GenSetup{i}\Setup";
        return from customNames in Chance(40)
               from agentInstalled in Chance(92)
               from agentAccount in Gen.Elements(AgentAccounts)
               from engine in Gen.Elements("running", "stopped", "absent")
               from keyExists in Chance(92)
               from storedKey in Spelling(setupKey)
               from recorded in Each(2, _ => Gen.Elements("missing", "same", "sameOtherSpelling", "other", "dword"))
               from declaredKey in Spelling(setupKey)
               let names = customNames ? new[] { "AgentAccount", "JobOwner" } : ["SqlAgentAccountName", "SchedulerJobOwnerName"]
               select new GeneratedResource(
                   "sqlAgentAccount",
                   Props(("instance", instance), ("setupKey", declaredKey), ("valueNames", customNames ? new JArray(names) : null)),
                   host =>
                   {
                       var services = host.Section("services");
                       if (agentInstalled)
                       {
                           services[$"SQLAgent${instance}"] = new JObject { ["startType"] = "automatic", ["state"] = "running", ["account"] = agentAccount };
                       }

                       if (engine != "absent")
                       {
                           services[$"MSSQL${instance}"] = new JObject { ["startType"] = "automatic", ["state"] = engine };
                       }

                       if (!keyExists)
                       {
                           return;
                       }

                       var key = host.RegistryKey(storedKey);
                       key["Unrelated"] = Value("string", "keep me");
                       for (var n = 0; n < names.Length; n++)
                       {
                           var value = recorded[n] switch
                           {
                               "missing" => null,
                               "same" => Value("string", agentAccount),
                               "sameOtherSpelling" => Value("string", agentAccount switch
                               {
                                   "LocalSystem" => @"nt authority\system",
                                   @".\MICROSOFT$DPM$Acct" => @"host01\microsoft$dpm$acct",
                                   @"HOST01\MICROSOFT$DPM$Acct" => @".\MICROSOFT$DPM$ACCT",
                                   _ => agentAccount.ToUpperInvariant(),
                               }),
                               "other" => Value("string", @"CONTOSO\previous"),
                               _ => Value("dword", 1),
                           };
                           if (value is not null)
                           {
                               key[n == 0 ? names[n].ToLowerInvariant() : names[n]] = value;
                           }
                       }
                   },
                   MayFail: !agentInstalled || !keyExists);
    }

    // ---- sqlAgentJobs: DPM jobs among others, disabled, owned by others, running a TriggerJob.exe that may be gone

    private static readonly string[] JobOwners = ["sa", @"HOST01\MICROSOFT$DPM$Acct", @".\MICROSOFT$DPM$Acct", @"NT AUTHORITY\SYSTEM", "LocalSystem"];

    private static Gen<GeneratedResource> SqlAgentJobs(int i)
    {
        var instance = $"GENJOB{i}";
        var program = $@"C:\Program Files\Gen{i}\DPM\bin\TriggerJob.exe";
        var other = $@"C:\Gen{i}\SQLPrep\TriggerJob.exe";
        string[] commands = [$"\"{program}\" 1bd3 1e53 dpm01.contoso.com", $"{program} 1bd3 1e53 dpm01.contoso.com", $"\"{other}\" a b c", "echo TriggerJob.exe", @"cmd /c dir C:\"];
        return from declaredInstance in Spelling(instance)
               from enabled in Maybe(Gen.Elements<JToken>(true, false))
               from owner in Maybe(Gen.Elements(JobOwners))
               from match in Maybe(Gen.Elements($"*gen{i}*DPM*", "*SQLPrep*"))
               from instanceExists in Chance(90)
               from jobCount in Gen.Choose(0, 5)
               from jobs in Each(jobCount, k =>
                   from jobEnabled in Gen.Elements(true, false)
                   from jobOwner in Gen.Elements(JobOwners.Append(@"CONTOSO\someone").ToArray())
                   from command in Gen.Elements(commands)
                   select new JObject { ["name"] = $"job-{i}-{k}", ["enabled"] = jobEnabled, ["owner"] = jobOwner, ["stepCommand"] = command })
               from programExists in Chance(80)
               from otherExists in Chance(50)
               select new GeneratedResource(
                   "sqlAgentJobs",
                   Props(("instance", declaredInstance), ("match", match), ("enabled", enabled), ("owner", owner)),
                   host =>
                   {
                       if (instanceExists)
                       {
                           host.Section("sqlInstances")[instance.ToLowerInvariant()] = new JObject { ["jobs"] = new JArray(jobs) };
                       }

                       if (programExists)
                       {
                           host.File(program.ToLowerInvariant(), "MZ");
                       }

                       if (otherExists)
                       {
                           host.File(other, "MZ");
                       }
                   },
                   MayFail: !instanceExists);
    }

    // ---- scheduledTask: enabled as declared, runAs audited; the task may not be registered

    private static Gen<GeneratedResource> ScheduledTask(int i)
    {
        return from folder in Gen.Elements(@"\", $@"\Gen{i}\", $@"\Gen{i}")
               from enabled in Maybe(Gen.Elements<JToken>(true, false))
               from runAs in Maybe(Gen.SubListOf("SYSTEM", @"NT AUTHORITY\SYSTEM", @"BUILTIN\Administrators", @".\backup").Where(l => l.Count > 0).Select(l => new JArray(l.Cast<object>().ToArray())))
               from fallback in Gen.Elements<JToken>(true, false)
               from exists in Chance(90)
               from stored in Spelling(folder.TrimEnd('\\') + $@"\Task{i}")
               from actualEnabled in Gen.Elements(true, false)
               from actualRunAs in Gen.Elements("SYSTEM", @"NT AUTHORITY\SYSTEM", "LocalSystem", @"HOST01\backup", @"CONTOSO\other")
               select new GeneratedResource(
                   "scheduledTask",
                   Props(("path", folder), ("name", $"Task{i}"), ("enabled", enabled ?? (runAs is null ? fallback : null)), ("runAs", runAs)),
                   host =>
                   {
                       if (exists)
                       {
                           host.Section("scheduledTasks")[stored] = new JObject { ["enabled"] = actualEnabled, ["runAs"] = actualRunAs };
                       }
                   },
                   MayFail: !exists);
    }

    // ---- windowsFeature: installed or not; a name the edition does not offer fails

    private static Gen<GeneratedResource> WindowsFeature(int i) =>
        from installed in Maybe(Gen.Elements<JToken>(true, false))
        from exists in Chance(90)
        from stored in Spelling($"Gen-Feature-{i}")
        from actual in Gen.Elements(true, false)
        select new GeneratedResource(
            "windowsFeature",
            Props(("name", $"Gen-Feature-{i}"), ("installed", installed)),
            host =>
            {
                if (exists)
                {
                    host.Section("features")[stored] = new JObject { ["installed"] = actual };
                }
            },
            MayFail: !exists);

    // ---- userRight: holders in the spellings the policy shows; only missing ones are granted

    private static readonly string[] Rights =
    [
        "SeChangeNotifyPrivilege", "SeServiceLogonRight", "SeBackupPrivilege", "SeRestorePrivilege", "SeBatchLogonRight",
        "SeSecurityPrivilege", "SeManageVolumePrivilege", "SeImpersonatePrivilege", "SeCreateGlobalPrivilege", "SeIncreaseQuotaPrivilege",
    ];

    private static Gen<GeneratedResource> UserRight(int i)
    {
        var right = Rights[i % Rights.Length];
        return from identities in Gen.SubListOf($@"NT SERVICE\Gen{i}", "Administrators", @"BUILTIN\Backup Operators", "Everyone", @"\Everyone", "LocalSystem", @".\backup").Where(l => l.Count > 0)
               from listed in Chance(70)
               from stored in Spelling(right)
               from holders in Gen.SubListOf($@"nt service\gen{i}", @"BUILTIN\Administrators", "Backup Operators", @"\Everyone", @"NT AUTHORITY\SYSTEM", @"HOST01\backup", @"CONTOSO\x")
               select new GeneratedResource(
                   "userRight",
                   Props(("right", right), ("identities", new JArray(identities.Cast<object>().ToArray()))),
                   host =>
                   {
                       if (listed)
                       {
                           host.Section("userRights")[stored] = new JArray(holders.Cast<object>().ToArray());
                       }
                   },
                   MayFail: false);
    }

    // ---- eventLogQuiet: audit only; events inside and outside the window, of other ids, sources and logs

    private static Gen<GeneratedResource> EventLogQuiet(int i)
    {
        var source = $"GenSource{i}";
        return from log in Maybe(Gen.Elements("Application", "System"))
               from ids in Gen.SubListOf(208, 1000, 0, 65535).Where(l => l.Count > 0)
               from within in Gen.Elements("24h", "7d", "30m", "1h30m", "3650d")
               from count in Gen.Choose(0, 4)
               from events in Each(count, _ =>
                   from otherLog in Chance(20)
                   from sourceSpelling in Gen.Frequency((4, Spelling(source)), (1, Gen.Constant("OtherSource")))
                   from id in Gen.Elements(208, 1000, 0, 65535, 7031)
                   from minutesAgo in Gen.Elements(-60, 1, 20, 120, 4320, 43200, 7_200_000)
                   select new JObject
                   {
                       ["log"] = otherLog ? "Security" : (log ?? "Application").ToUpperInvariant(),
                       ["source"] = sourceSpelling,
                       ["id"] = id,
                       ["time"] = (LawClock.Now - TimeSpan.FromMinutes(minutesAgo)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                       ["message"] = "Status: Failed",
                   })
               select new GeneratedResource(
                   "eventLogQuiet",
                   Props(("log", log), ("source", source), ("eventIds", new JArray(ids.Cast<object>().ToArray())), ("within", within)),
                   host =>
                   {
                       var list = host.List("events");
                       foreach (var e in events)
                       {
                           list.Add(e);
                       }
                   },
                   MayFail: false);
    }

    // ---- firewallRule: created, updated in the stated settings, or removed; duplicates of a present rule fail

    private static Gen<GeneratedResource> FirewallRule(int i)
    {
        var name = $"Gen Rule {i}";
        var ports = Gen.Elements<JToken>(new JArray("135"), new JArray("49152-65535"), new JArray("5718", "5719"), new JArray(135, "5718"), new JArray("any"));
        var addresses = Gen.Elements<JToken>(new JArray("any"), new JArray("10.0.0.5"), new JArray("10.0.1.0/24", "10.0.0.5"), new JArray("10.0.0.5-10.0.0.9"));
        var profiles = Gen.Elements<JToken>(new JArray("any"), new JArray("domain"), new JArray("Private", "domain"), new JArray("domain", "private", "public"));
        return from present in Chance(80)
               from enabled in Maybe(Gen.Elements<JToken>(true, false))
               from direction in Maybe(Gen.Elements("inbound", "outbound"))
               from action in Maybe(Gen.Elements("allow", "block"))
               from protocol in Maybe(Gen.Elements("tcp", "udp", "any"))
               from localPorts in Maybe(ports)
               from remotePorts in Maybe(ports)
               from remoteAddresses in Maybe(addresses)
               from profileSet in Maybe(profiles)
               from rules in Gen.Frequency((4, Gen.Constant(0)), (5, Gen.Constant(1)), (1, Gen.Constant(2)))
               from existing in Each(2, _ =>
                   from spelling in Spelling(name)
                   from ruleEnabled in Gen.Elements(true, false)
                   from dir in Gen.Elements("inbound", "outbound")
                   from act in Gen.Elements("allow", "block")
                   from proto in Gen.Elements<JToken>("tcp", "udp", "any", 1)
                   from local in ports
                   from remote in ports
                   from address in addresses
                   from profile in profiles
                   let hasPorts = proto.Type == JTokenType.String && (string)proto! is "tcp" or "udp"
                   select new JObject
                   {
                       ["name"] = spelling, ["enabled"] = ruleEnabled, ["direction"] = dir, ["action"] = act, ["protocol"] = proto,
                       ["localPorts"] = hasPorts ? local : new JArray("any"), ["remotePorts"] = hasPorts ? remote : new JArray("any"),
                       ["remoteAddresses"] = address, ["profiles"] = profile,
                   })
               let withPorts = protocol is "tcp" or "udp"
               select new GeneratedResource(
                   "firewallRule",
                   present
                       ? Props(("name", name), ("enabled", enabled), ("direction", direction), ("action", action), ("protocol", protocol),
                           ("localPorts", withPorts ? localPorts : null), ("remotePorts", withPorts ? remotePorts : null),
                           ("remoteAddresses", remoteAddresses), ("profiles", profileSet))
                       : Props(("name", name), ("ensure", "absent")),
                   host =>
                   {
                       var list = host.List("firewallRules");
                       list.Add(new JObject { ["name"] = $"Other rule {i}", ["protocol"] = "tcp", ["localPorts"] = new JArray("445") });
                       foreach (var rule in existing.Take(rules))
                       {
                           list.Add(rule);
                       }
                   },
                   MayFail: present && rules > 1);
    }

    // ---- jsonFile: keys set and removed in a settings file in any encoding, missing, or not JSON at all

    private static readonly JToken[] JsonValues = [1, "text", true, JValue.CreateNull(), new JObject { ["a"] = 1, ["b"] = new JArray("x") }, new JArray(1, 2), 2.5m, "Ünïcødé"];

    private static Gen<GeneratedResource> JsonFile(int i)
    {
        var path = $@"C:\Program Files\Gen{i}\bin\Settings.json";
        return from declared in Spelling(path)
               from setCount in Gen.Choose(0, 3)
               from removeCount in Gen.Choose(setCount == 0 ? 1 : 0, 2)
               from desired in Each(setCount, _ => Gen.Elements(JsonValues))
               from shape in Gen.Frequency((3, Gen.Constant("missing")), (6, Gen.Constant("present")), (1, Gen.Constant("unreadable")))
               from actualSet in Each(setCount, _ => Gen.Frequency((1, Gen.Constant<JToken?>(null)), (2, Gen.Elements(JsonValues).Select(v => (JToken?)v))))
               from actualRemove in Each(removeCount, _ => Gen.Elements(true, false))
               from encoding in Gen.Elements("utf-8", "utf-8-bom", "utf-16le-bom")
               from indented in Gen.Elements(true, false)
               from unreadable in Gen.Elements("not json", "[1, 2]", "", "{ \"a\": ")
               select new GeneratedResource(
                   "jsonFile",
                   Props(("path", declared),
                       ("set", setCount == 0 ? null : new JObject(desired.Select((v, j) => new JProperty($"K{j}", v.DeepClone())))),
                       ("remove", removeCount == 0 ? null : new JArray(Enumerable.Range(0, removeCount).Select(j => $"R{j}")))),
                   host =>
                   {
                       if (shape == "missing")
                       {
                           return;
                       }

                       if (shape == "unreadable")
                       {
                           host.File(path, unreadable);
                           return;
                       }

                       var content = new JObject { ["Other"] = 1 };
                       for (var j = 0; j < setCount; j++)
                       {
                           if (actualSet[j] is { } value)
                           {
                               content[$"K{j}"] = value.DeepClone();
                           }
                       }

                       for (var j = 0; j < removeCount; j++)
                       {
                           if (actualRemove[j])
                           {
                               content[$"R{j}"] = "old";
                           }
                       }

                       var text = content.ToString(indented ? Newtonsoft.Json.Formatting.Indented : Newtonsoft.Json.Formatting.None).ReplaceLineEndings("\r\n");
                       host.File(path.ToLowerInvariant(), encoding switch
                       {
                           "utf-8" => Encoding.UTF8.GetBytes(text),
                           "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
                           _ => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
                       });
                   },
                   MayFail: shape == "unreadable");
    }

    // ---- hostsEntry: the name mapped right, wrong, twice, beside other names, in a comment, or not at all

    private static Gen<GeneratedResource> HostsEntry(int i)
    {
        var hostname = $"gen{i}.contoso.com";
        return from declared in Spelling(hostname)
               from address in Gen.Elements("10.0.0.5", "192.168.1.10", "fd00::5")
               from ownFile in Chance(40)
               from fileExists in Chance(85)
               from stored in Spelling(hostname)
               from lines in Gen.Elements("none", "right", "wrong", "multi", "rightThenWrong", "wrongThenRight", "comment", "rightWithComment")
               from ending in Gen.Elements("\r\n", "\n")
               let same = address == "fd00::5" ? "FD00:0:0::5" : address
               let path = ownFile ? $@"C:\Gen{i}\etc\hosts" : null
               select new GeneratedResource(
                   "hostsEntry",
                   Props(("hostname", declared), ("address", address), ("path", path)),
                   host =>
                   {
                       var text = lines switch
                       {
                           "right" => $"{same} {stored}",
                           "wrong" => $"10.9.9.{i} {stored}",
                           "multi" => $"10.9.9.{i}   other{i} {stored} another{i}",
                           "rightThenWrong" => $"{same}\t{stored}{ending}10.9.9.{i} {stored}",
                           "wrongThenRight" => $"10.9.9.{i} {stored}{ending}{same} {stored}",
                           "comment" => $"# {same} {stored}",
                           "rightWithComment" => $"{same} {stored} # the DPM server",
                           _ => $"# hosts of resource {i}",
                       };
                       if (ownFile && fileExists)
                       {
                           host.File(path!, Encoding.Latin1.GetBytes($"# Copyright (c) Microsoft Corp.{ending}{text}{ending}"));
                       }
                       else if (!ownFile)
                       {
                           host.Append(@"C:\Windows\System32\drivers\etc\hosts", text + ending);
                       }
                   },
                   MayFail: false);
    }

    // ---- tempFiles: old, new and read-only files over and under the limit, non-matching ones and a subfolder

    private static Gen<GeneratedResource> TempFiles(int i)
    {
        var directory = $@"C:\Gen{i}\Temp";
        return from declared in Spelling(directory)
               from pattern in Maybe(Gen.Elements("*.tmp", "gen*.log", "*"))
               from maxCount in Gen.Choose(0, 4)
               from minAge in Maybe(Gen.Elements("1d", "12h", "30m", "90s", "1d12h"))
               from old in Gen.Choose(0, 5)
               from young in Gen.Choose(0, 3)
               from readOnly in Gen.Choose(0, 2)
               from unmatched in Gen.Choose(0, 2)
               from subfolder in Chance(30)
               from exists in Chance(90)
               from oldAges in Each(old + readOnly, _ => Gen.Elements(1, 2, 400))
               from youngShares in Each(young, _ => Gen.Elements(2, 3, 10))
               let age = BackupReconciler.Input.Duration.TryParse(minAge ?? "1d", out var d) ? d.Span : throw new InvalidOperationException()
               let effective = pattern ?? "*.tmp"
               let matching = young + old + readOnly
               let mayFail = exists && matching > maxCount && young + readOnly > maxCount
               select new GeneratedResource(
                   "tempFiles",
                   Props(("directory", declared), ("pattern", pattern), ("maxCount", maxCount), ("minAge", minAge)),
                   host =>
                   {
                       if (!exists)
                       {
                           return;
                       }

                       host.Folder(directory);
                       string Matching(int k) => effective switch { "gen*.log" => $"GEN{k}.log", "*" => $"f{k}.dat", _ => $"a{k}.TMP" };
                       for (var k = 0; k < old + readOnly; k++)
                       {
                           host.File($@"{directory}\{Matching(k)}", Encoding.UTF8.GetBytes("x"), age + TimeSpan.FromDays(oldAges[k]), readOnly: k >= old);
                       }

                       for (var k = 0; k < young; k++)
                       {
                           host.File($@"{directory}\{Matching(100 + k)}", Encoding.UTF8.GetBytes("x"), age / youngShares[k]);
                       }

                       if (effective != "*")
                       {
                           for (var k = 0; k < unmatched; k++)
                           {
                               host.File($@"{directory}\keep{k}.txt", Encoding.UTF8.GetBytes("x"), TimeSpan.FromDays(400));
                           }
                       }

                       if (subfolder)
                       {
                           host.File($@"{directory}\sub\{Matching(200)}", Encoding.UTF8.GetBytes("x"), TimeSpan.FromDays(400));
                       }
                   },
                   mayFail);
    }

    // ---- file: present (with or without a minimum size) or absent; the file there, too small, read-only, or gone

    private static Gen<GeneratedResource> File(int i)
    {
        var path = $@"C:\Gen{i}\Scratch\OnlineBackup.KEK";
        return from declared in Spelling(path)
               from present in Chance(60)
               from ensure in Gen.Elements<string?>(null, "present")
               from minimum in Maybe(Gen.Elements<object>(16, "1KB"))
               from exists in Chance(60)
               from size in Gen.Elements(4, 16, 2048)
               from readOnly in Chance(20)
               select new GeneratedResource(
                   "file",
                   Props(("path", declared), ("ensure", present ? ensure : "absent"), ("minimumSize", present ? minimum : null)),
                   host =>
                   {
                       host.Folder($@"C:\Gen{i}\Scratch");
                       if (exists)
                       {
                           host.File(path, new byte[size], TimeSpan.FromDays(1), readOnly);
                       }
                   },
                   !present && exists && readOnly);
    }

    // ---- fileAccess: rules of the identity in other spellings, weaker, not inherited, denied; the path may be a file, listed only, or gone

    private static Gen<GeneratedResource> FileAccess(int i)
    {
        var path = $@"C:\Gen{i}\Data";
        (string Declared, string[] Spellings)[] identities =
        [
            ($@"NT SERVICE\Gen{i}", [$@"nt service\gen{i}"]),
            ("Administrators", [@"BUILTIN\Administrators", "administrators"]),
            (@"BUILTIN\Users", ["Users"]),
            ("SYSTEM", [@"NT AUTHORITY\SYSTEM", "LocalSystem"]),
            (@".\backup", [@"HOST01\backup"]),
        ];
        string[] rights = ["read", "readAndExecute", "modify", "fullControl"];
        return from identity in Gen.Elements(identities)
               from declaredRights in Gen.Elements(rights)
               from inherit in Maybe(Gen.Elements<JToken>(true, false))
               from kind in Gen.Frequency((4, Gen.Constant("folder")), (2, Gen.Constant("file")), (3, Gen.Constant("listed")), (1, Gen.Constant("missing")))
               from listed in Chance(60)
               from storedPath in Spelling(path)
               from ruleCount in Gen.Choose(0, 3)
               from rules in Each(ruleCount, _ =>
                   from mine in Chance(70)
                   from spelling in Gen.Elements(identity.Spellings.Prepend(identity.Declared).ToArray())
                   from ruleRights in Gen.Elements(rights)
                   from deny in Chance(12)
                   from ruleInherit in Gen.Elements(true, false)
                   select new JObject { ["identity"] = mine ? spelling : @"CONTOSO\other", ["rights"] = ruleRights, ["type"] = deny ? "deny" : "allow", ["inherit"] = ruleInherit })
               select new GeneratedResource(
                   "fileAccess",
                   Props(("path", path), ("identity", identity.Declared), ("rights", declaredRights), ("inherit", inherit)),
                   host =>
                   {
                       switch (kind)
                       {
                           case "folder":
                               host.Folder(storedPath);
                               break;
                           case "file":
                               host.File(storedPath, "data");
                               break;
                       }

                       if (kind == "listed" || (kind is "folder" or "file" && listed))
                       {
                           host.Section("fileAccess")[storedPath] = new JArray(rules);
                       }
                   },
                   MayFail: kind == "missing");
    }

    // ---- helpers

    public static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(n => n <= percent);

    /// <summary>The text as written, upper case, lower case, or alternating: spellings Windows treats as one.</summary>
    public static Gen<string> Spelling(string text) =>
        Gen.Elements(0, 1, 2, 3).Select(k => k switch
        {
            0 => text,
            1 => text.ToUpperInvariant(),
            2 => text.ToLowerInvariant(),
            _ => new string(text.Select((c, n) => n % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()),
        });

    public static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(value => (T?)value)));

    public static Gen<T[]> Each<T>(int count, Func<int, Gen<T>> gen) =>
        Gen.CollectToList(Enumerable.Range(0, count), gen).Select(list => list.ToArray());

    /// <summary>A properties object of the members that have a value.</summary>
    private static JObject Props(params (string Name, object? Value)[] members) =>
        new(members.Where(m => m.Value is not null).Select(m => new JProperty(m.Name, m.Value is JToken token ? token.DeepClone() : new JValue(m.Value))));
}
