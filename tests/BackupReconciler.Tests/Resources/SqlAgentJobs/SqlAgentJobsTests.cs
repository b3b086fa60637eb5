using System.Globalization;
using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Host.Sql;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Resources.SqlAgentJobs;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class SqlAgentJobsTests
{
    private const string R2Bin = @"C:\Program Files\Microsoft System Center 2012 R2\DPM\DPM\bin\TriggerJob.exe";
    private const string Sp1SqlPrep = @"C:\Program Files\Microsoft Data Protection Manager\DPM2012\SQLPrep\TriggerJob.exe";
    private const string DpmAccount = @"DPM01\MICROSOFT$DPM$Acct";
    private const string Args = "1bd305ae-f158-4948-93f8-e935103b168f 1e53fd39-0339-4d41-96ec-89fdf587f1e5 dpm01.contoso.com";

    private static JArray Jobs(string properties = """{ "instance": "MSDPM2012" }""") => JArray.Parse($$"""
        [ { "id": "dpm-jobs", "type": "sqlAgentJobs", "properties": {{properties}} } ]
        """);

    private static JObject Job(string name, bool enabled, string owner, string stepCommand) =>
        new() { ["name"] = name, ["enabled"] = enabled, ["owner"] = owner, ["stepCommand"] = stepCommand };

    /// <summary>
    /// Two DPM jobs (one disabled, one owned by sa; one path quoted, one not, as KB 4456295 prints it),
    /// a disabled SQL Server maintenance job that must stay as it is, and logins for a later resource.
    /// </summary>
    private static JObject Host(bool withFiles = true) => new()
    {
        ["computerName"] = "DPM01",
        ["sqlInstances"] = new JObject
        {
            ["MSDPM2012"] = new JObject
            {
                ["jobs"] = new JArray(
                    Job("00890b12-9058-4f42-8143-291dc3de4d78", false, DpmAccount, $"\"{R2Bin}\" {Args}"),
                    Job("2f481acb-2c3d-4f48-8c70-ca989c3e8ff2", true, "sa", $"{R2Bin} {Args}"),
                    Job("syspolicy_purge_history", false, "sa", "EXEC msdb.dbo.sp_syspolicy_purge_history -- not TriggerJob.exe")),
                ["logins"] = JObject.Parse("""{ "NT SERVICE\\AzureWLBackupPluginSvc": { "serverRoles": [] }, "BUILTIN\\Administrators": { "serverRoles": ["sysadmin"] } }"""),
            },
        },
        ["fileSystemRoot"] = withFiles ? "dpm01-files" : null,
    };

    private static Scenario WithFiles(JArray resources, JObject host, params string[] windowsPaths)
    {
        if (host["fileSystemRoot"]?.Type == JTokenType.Null)
        {
            host.Remove("fileSystemRoot");
        }

        var scenario = new Scenario(resources, host);
        Directory.CreateDirectory(Path.Combine(scenario.Folder, "dpm01-files"));
        foreach (var path in windowsPaths)
        {
            // Lower-case on disk: the lookup must ignore case, as Windows does.
            var relative = path.Replace(":", "", StringComparison.Ordinal).Replace('\\', '/').ToLowerInvariant();
            var full = Path.Combine(scenario.Folder, "dpm01-files", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "MZ");
        }

        return scenario;
    }

    private static JArray JobsOf(Scenario scenario) => (JArray)scenario.SnapshotJson["sqlInstances"]!["MSDPM2012"]!["jobs"]!;

    private static JObject JobNamed(Scenario scenario, string name) => (JObject)JobsOf(scenario).Single(j => (string)j["name"]! == name);

    [Fact]
    public void WhatIfSummarisesTheDriftAndLeavesTheSnapshotByteIdentical()
    {
        using var scenario = WithFiles(Jobs($$"""{ "instance": "MSDPM2012", "owner": "{{DpmAccount.Replace(@"\", @"\\", StringComparison.Ordinal)}}" }"""), Host(), R2Bin);
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("dpm-jobs"));
        Assert.Equal(
            ["enabled: 1 of 2 DPM jobs disabled: 00890b12-9058-4f42-8143-291dc3de4d78 → true",
             $"owner: 1 of 2 DPM jobs owned by sa ×1: 2f481acb-2c3d-4f48-8c70-ca989c3e8ff2 → {DpmAccount}"],
            plan.DifferencesOf("dpm-jobs"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ApplyConvergesTouchesOnlyDpmJobsAndKeepsLoginsAndTheFileSystemRoot()
    {
        using var scenario = WithFiles(Jobs("""{ "instance": "msdpm2012", "owner": ".\\MICROSOFT$DPM$Acct" }"""), Host(), R2Bin);
        var logins = scenario.SnapshotJson["sqlInstances"]!["MSDPM2012"]!["logins"]!.DeepClone();

        var first = scenario.Apply();
        var second = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, first.StatusOf("dpm-jobs"));
        Assert.Equal(ResourceStatus.Compliant, second.StatusOf("dpm-jobs"));
        Assert.Equal(0, ExitCodes.Detailed(second));
        Assert.Equal(
            ["00890b12-9058-4f42-8143-291dc3de4d78 True DPM01\\MICROSOFT$DPM$Acct", "2f481acb-2c3d-4f48-8c70-ca989c3e8ff2 True DPM01\\MICROSOFT$DPM$Acct", "syspolicy_purge_history False sa"],
            JobsOf(scenario).Select(j => $"{j["name"]} {j["enabled"]} {j["owner"]}"));
        Assert.Equal($"\"{R2Bin}\" {Args}", (string)JobNamed(scenario, "00890b12-9058-4f42-8143-291dc3de4d78")["stepCommand"]!);
        Assert.True(JToken.DeepEquals(logins, scenario.SnapshotJson["sqlInstances"]!["MSDPM2012"]!["logins"]));
        Assert.Equal("dpm01-files", (string)scenario.SnapshotJson["fileSystemRoot"]!);
    }

    [Fact]
    public void ApplyMakesExactlyThePlannedChanges()
    {
        using var scenario = WithFiles(Jobs("""{ "instance": "MSDPM2012", "owner": "sa" }"""), Host(), R2Bin);

        var plan = scenario.Plan();
        var apply = scenario.Apply();

        Assert.Equal(plan.DifferencesOf("dpm-jobs"), apply.DifferencesOf("dpm-jobs"));
    }

    [Theory]
    [InlineData(@"DPM01\MICROSOFT$DPM$Acct", @".\microsoft$dpm$acct")]
    [InlineData("LocalSystem", @"NT AUTHORITY\SYSTEM")]
    [InlineData(@"NT AUTHORITY\SYSTEM", "localsystem")]
    public void OwnersThatWindowsTreatsAsTheSameAreNoDrift(string jobOwner, string desiredOwner)
    {
        var host = Host();
        foreach (var job in ((JArray)host["sqlInstances"]!["MSDPM2012"]!["jobs"]!).Take(2))
        {
            job["owner"] = jobOwner;
            job["enabled"] = true;
        }

        using var scenario = WithFiles(Jobs(new JObject { ["instance"] = "MSDPM2012", ["owner"] = desiredOwner }.ToString()), host, R2Bin);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("dpm-jobs"));
    }

    [Fact]
    public void AnOwnerIsWrittenNormalised()
    {
        using var scenario = WithFiles(Jobs("""{ "instance": "MSDPM2012", "owner": "LocalSystem" }"""), Host(), R2Bin);

        scenario.Apply();

        Assert.Equal(@"NT AUTHORITY\SYSTEM", (string)JobNamed(scenario, "2f481acb-2c3d-4f48-8c70-ca989c3e8ff2")["owner"]!);
        Assert.Equal("sa", (string)JobNamed(scenario, "syspolicy_purge_history")["owner"]!);
    }

    [Fact]
    public void AMissingTriggerJobPathIsAManualStepNamingThePath()
    {
        var host = Host();
        var jobs = (JArray)host["sqlInstances"]!["MSDPM2012"]!["jobs"]!;
        jobs[0]!["enabled"] = true;
        jobs.Add(Job("f60c8734-2df5-4e86-8c7d-43558bd5a071", true, "sa", $"\"{Sp1SqlPrep}\" {Args}"));
        using var scenario = WithFiles(Jobs(), host, R2Bin, Sp1SqlPrep.Replace("DPM2012", "DPM2012R2", StringComparison.Ordinal));

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Manual, run.StatusOf("dpm-jobs"));
        Assert.Equal(
            [$"triggerJobPath: {Sp1SqlPrep}, which does not exist; 1 of 3 DPM jobs run it: f60c8734-2df5-4e86-8c7d-43558bd5a071 → an existing TriggerJob.exe"],
            run.DifferencesOf("dpm-jobs"));
        var step = Assert.Single(run.ManualSteps);
        Assert.Equal("dpm-jobs", step.Resource);
        Assert.Contains(Sp1SqlPrep, step.Step, StringComparison.Ordinal);
        Assert.Contains("rerun the SQL Server Prep of the DPM version that created these jobs on DPM01", step.Step, StringComparison.Ordinal);
        Assert.Equal(2, ExitCodes.Detailed(run));
    }

    [Fact]
    public void AMissingPathDoesNotStopTheOtherChanges()
    {
        using var scenario = WithFiles(Jobs(), Host());

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, run.StatusOf("dpm-jobs"));
        Assert.Equal(
            ["enabled: 1 of 2 DPM jobs disabled: 00890b12-9058-4f42-8143-291dc3de4d78 → true",
             $"triggerJobPath: {R2Bin}, which does not exist; 2 of 2 DPM jobs run it: 00890b12-9058-4f42-8143-291dc3de4d78, 2f481acb-2c3d-4f48-8c70-ca989c3e8ff2 → an existing TriggerJob.exe"],
            run.DifferencesOf("dpm-jobs"));
        Assert.Single(run.ManualSteps);
        Assert.True((bool)JobNamed(scenario, "00890b12-9058-4f42-8143-291dc3de4d78")["enabled"]!);
    }

    [Fact]
    public void WithoutAFileSystemRootThePathCheckIsSkipped()
    {
        using var scenario = WithFiles(Jobs(), Host(withFiles: false));

        Assert.Equal(["enabled: 1 of 2 DPM jobs disabled: 00890b12-9058-4f42-8143-291dc3de4d78 → true"], scenario.Plan().DifferencesOf("dpm-jobs"));
    }

    [Fact]
    public void MatchNarrowsTheDpmJobsAndNeverReachesOtherJobs()
    {
        var host = Host();
        var jobs = (JArray)host["sqlInstances"]!["MSDPM2012"]!["jobs"]!;
        jobs.Add(Job("sp1-job", false, "sa", $"\"{Sp1SqlPrep}\" {Args}"));
        jobs.Add(Job("not-dpm", false, "sa", "echo DPM2012\\SQLPrep"));
        using var scenario = WithFiles(Jobs("""{ "instance": "MSDPM2012", "match": "*\\dpm2012\\sqlprep\\*" }"""), host, R2Bin, Sp1SqlPrep);

        Assert.Equal(["enabled: 1 of 1 DPM jobs matching *\\dpm2012\\sqlprep\\* disabled: sp1-job → true"], scenario.Plan().DifferencesOf("dpm-jobs"));
        scenario.Apply();
        Assert.Equal(
            ["00890b12-9058-4f42-8143-291dc3de4d78 False", "2f481acb-2c3d-4f48-8c70-ca989c3e8ff2 True", "syspolicy_purge_history False", "sp1-job True", "not-dpm False"],
            JobsOf(scenario).Select(j => $"{j["name"]} {j["enabled"]}"));
    }

    [Fact]
    public void EnabledFalseDisablesTheDpmJobs()
    {
        using var scenario = WithFiles(Jobs("""{ "instance": "MSDPM2012", "enabled": false }"""), Host(), R2Bin);

        Assert.Equal(["enabled: 1 of 2 DPM jobs enabled: 2f481acb-2c3d-4f48-8c70-ca989c3e8ff2 → false"], scenario.Plan().DifferencesOf("dpm-jobs"));
        scenario.Apply();
        Assert.NotEmpty(JobsOf(scenario));
        Assert.All(JobsOf(scenario), j => Assert.False((bool)j["enabled"]!));
    }

    [Fact]
    public void FiveThousandJobsAreReadOnceAndChangedInOneBatch()
    {
        const int count = 5000;
        var host = Host();
        var jobs = new JArray();
        for (var i = 0; i < count; i++)
        {
            var path = i % 2 == 0 ? R2Bin : R2Bin.ToUpperInvariant();
            jobs.Add(Job($"job-{i.ToString("D4", CultureInfo.InvariantCulture)}", i % 4 != 0, i < 1000 ? "sa" : DpmAccount, $"\"{path}\" {Args}"));
        }

        jobs.Add(Job("syspolicy_purge_history", false, "sa", "EXEC msdb.dbo.sp_syspolicy_purge_history"));
        host["sqlInstances"]!["MSDPM2012"]!["jobs"] = jobs;
        var owner = DpmAccount.Replace(@"\", @"\\", StringComparison.Ordinal);
        using var scenario = WithFiles(Jobs($$"""{ "instance": "MSDPM2012", "owner": "{{owner}}" }"""), host, R2Bin);

        var plan = ObservedRun.Plan(scenario);
        var apply = ObservedRun.Apply(scenario);

        Assert.Equal(
            ["enabled: 1,250 of 5,000 DPM jobs disabled: job-0000, job-0004, job-0008, job-0012, job-0016 and 1,245 more → true",
             $"owner: 1,000 of 5,000 DPM jobs owned by sa ×1,000: job-0000, job-0001, job-0002, job-0003, job-0004 and 995 more → {DpmAccount}"],
            plan.Result.DifferencesOf("dpm-jobs"));
        var plannedSql = (SnapshotSqlInstances)plan.Host.Sql;
        Assert.Equal((1, 0), (plannedSql.JobReads, plannedSql.JobBatches));
        var appliedSql = (SnapshotSqlInstances)apply.Host.Sql;
        Assert.Equal(ResourceStatus.Changed, apply.Result.StatusOf("dpm-jobs"));
        // One read to observe, one to verify; every change in one batch (jobs disabled or owned by sa: 1,250 + 750).
        Assert.Equal((2, 1, 2000), (appliedSql.JobReads, appliedSql.JobBatches, appliedSql.JobUpdates));
        Assert.False((bool)JobNamed(scenario, "syspolicy_purge_history")["enabled"]!);
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("dpm-jobs"));
    }

    [Fact]
    public void AReadFaultFailsOnlyThisResource()
    {
        var resources = Jobs();
        resources.Add(JObject.Parse("""{ "id": "other", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Other", "values": { "V": { "kind": "dword", "data": 1 } } } }"""));
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "read", "target": "sql:msdpm2012", "message": "Login timeout expired." } ]""");
        using var scenario = WithFiles(resources, host, R2Bin);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("dpm-jobs"));
        Assert.Equal("could not read: Login timeout expired.", run.Resource("dpm-jobs").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("other"));
    }

    [Fact]
    public void ASetFaultFailsOnlyThisResourceAndChangesNoJob()
    {
        var resources = Jobs();
        resources.Add(JObject.Parse("""{ "id": "other", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\Other", "values": { "V": { "kind": "dword", "data": 1 } } } }"""));
        var host = Host();
        host["faults"] = JArray.Parse("""[ { "operation": "set", "target": "sql:MSDPM2012", "message": "The EXECUTE permission was denied on the object 'sp_update_job'." } ]""");
        using var scenario = WithFiles(resources, host, R2Bin);
        var jobsBefore = JobsOf(scenario).DeepClone();

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("dpm-jobs"));
        Assert.Equal("could not apply: The EXECUTE permission was denied on the object 'sp_update_job'.", run.Resource("dpm-jobs").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("other"));
        Assert.True(JToken.DeepEquals(jobsBefore, JobsOf(scenario)));
    }

    [Fact]
    public void AMissingInstanceFailsTheResourceWithWhatToCheck()
    {
        using var scenario = WithFiles(Jobs("""{ "instance": "MSDPM2016" }"""), Host(), R2Bin);

        var run = scenario.Plan();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("dpm-jobs"));
        Assert.Equal(
            "could not read: the SQL Server instance \"MSDPM2016\" is not installed on DPM01; check \"instance\" (DPM's is named like MSDPM2012).",
            run.Resource("dpm-jobs").Error);
    }

    [Fact]
    public void AnInstanceWithoutDpmJobsIsCompliant()
    {
        var host = Host();
        ((JArray)host["sqlInstances"]!["MSDPM2012"]!["jobs"]!).RemoveAt(0);
        ((JArray)host["sqlInstances"]!["MSDPM2012"]!["jobs"]!).RemoveAt(0);
        using var scenario = WithFiles(Jobs(), host);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("dpm-jobs"));
    }

    [Theory]
    [InlineData("\"C:\\Program Files\\DPM\\bin\\TriggerJob.exe\" a b c", "C:\\Program Files\\DPM\\bin\\TriggerJob.exe")]
    [InlineData("C:\\Program Files\\Microsoft System Center 2012 R2\\DPM\\DPM\\bin\\TriggerJob.exe a b c", "C:\\Program Files\\Microsoft System Center 2012 R2\\DPM\\DPM\\bin\\TriggerJob.exe")]
    [InlineData("  c:\\dpm\\triggerjob.EXE", "c:\\dpm\\triggerjob.EXE")]
    [InlineData("TriggerJob.exe a b c", "TriggerJob.exe")]
    [InlineData("%DPMInstall%\\Program files\\Microsoft Data Protection Manager\\DPM2012R2\\SQLPrep\\TriggerJob.exe a", "%DPMInstall%\\Program files\\Microsoft Data Protection Manager\\DPM2012R2\\SQLPrep\\TriggerJob.exe")]
    [InlineData("echo TriggerJob.exe", null)]
    [InlineData("cmd /c \"C:\\dpm\\TriggerJob.exe\" a", null)]
    [InlineData("C:\\tools\\runner.exe C:\\dpm\\TriggerJob.exe", null)]
    [InlineData("C:\\dpm\\TriggerJob.exe.bak a", null)]
    [InlineData("C:\\dpm\\OldTriggerJob.exe a", null)]
    [InlineData("EXEC msdb.dbo.sp_start_job", null)]
    public void ADpmJobIsOneWhoseStepRunsTriggerJobExe(string command, string? program)
    {
        Assert.Equal(program, TriggerJobCommand.ProgramOf(command));
    }

    [Theory]
    [InlineData("""{ "match": "*" }""", 2, 61, "resource \"dpm-jobs\" (sqlAgentJobs) has no \"instance\"; add \"instance\": \"...\".")]
    [InlineData("""{ "instance": "MSDPM2012", "owner": "CONTOSO\\" }""", 2, 107,
        "\"owner\" of resource \"dpm-jobs\" (sqlAgentJobs) is \"CONTOSO\\\", not an account; give DOMAIN\\name, COMPUTER\\name, .\\name, NT AUTHORITY\\SYSTEM or a SQL Server login such as sa.")]
    [InlineData("""{ "instance": "MSDPM2012", "owner": "a\\b\\c" }""", 2, 105,
        "\"owner\" of resource \"dpm-jobs\" (sqlAgentJobs) is \"a\\b\\c\", not an account; give DOMAIN\\name, COMPUTER\\name, .\\name, NT AUTHORITY\\SYSTEM or a SQL Server login such as sa.")]
    [InlineData("""{ "instance": "MSDPM2012", "owner": "" }""", 2, 98, "\"owner\" of resource \"dpm-jobs\" (sqlAgentJobs) is empty; give it a value or remove it.")]
    [InlineData("""{ "instance": "MSDPM2012", "match": "DPM2012\\SQLPrep" }""", 2, 114,
        "\"match\" of resource \"dpm-jobs\" (sqlAgentJobs) is \"DPM2012\\SQLPrep\", which has no wildcard and so must equal a whole step command; write \"*DPM2012\\SQLPrep*\" to select the DPM jobs whose command contains it.")]
    [InlineData("""{ "instance": "MSDPM2012", "enabled": "yes" }""", 2, 103, "\"enabled\" of resource \"dpm-jobs\" (sqlAgentJobs) must be true or false; found the string \"yes\".")]
    [InlineData("""{ "instance": "MSDPM2012", "owners": "sa" }""", 2, 96,
        "resource \"dpm-jobs\" (sqlAgentJobs) has an unknown member \"owners\" (did you mean \"owner\"?); the members it understands are: enabled, instance, match, owner.")]
    public void InvalidPropertiesAreRejectedWithTheirLocationAndTheFix(string properties, int line, int column, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.Write("baseline.json", $$"""
            { "name": "test", "resources": [
              { "id": "dpm-jobs", "type": "sqlAgentJobs", "properties": {{properties}} } ] }
            """);

        var error = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));

        Assert.Equal(problem, error.Problem);
        Assert.Equal((line, column), (error.Location!.Line, error.Location.Column));
    }
}
