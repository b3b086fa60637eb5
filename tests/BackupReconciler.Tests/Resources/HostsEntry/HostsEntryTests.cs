using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class HostsEntryTests
{
    private const string RealHosts = "files/C/Windows/System32/drivers/etc/hosts";

    private const string WindowsDefault =
        "# Copyright (c) 1993-2009 Microsoft Corp.\r\n"
        + "#\r\n"
        + "#      102.54.94.97     rhino.acme.com          # source server\r\n"
        + "#       38.25.63.10     x.acme.com              # x client host\r\n"
        + "\r\n"
        + "# localhost name resolution is handled within DNS itself.\r\n"
        + "#\t127.0.0.1       localhost\r\n"
        + "10.0.0.20\tsql01.contoso.com sql01\t# the SQL Server\r\n";

    private static JObject Resource(string id, string hostname, string address, string? path = null)
    {
        var properties = new JObject { ["hostname"] = hostname, ["address"] = address };
        if (path is not null)
        {
            properties["path"] = path;
        }

        return new JObject { ["id"] = id, ["type"] = "hostsEntry", ["properties"] = properties };
    }

    private static Scenario WithHosts(string? content, JArray resources, JObject? snapshot = null, string realPath = RealHosts)
    {
        snapshot ??= [];
        snapshot["fileSystemRoot"] = "files";
        var scenario = new Scenario(resources, snapshot);
        Directory.CreateDirectory(Path.Combine(scenario.Folder, "files", "C"));
        if (content is not null)
        {
            var path = Path.Combine(scenario.Folder, realPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(content));
        }

        return scenario;
    }

    private static Scenario WithHosts(string? content, string hostname = "dpm01.contoso.com", string address = "10.0.0.5") =>
        WithHosts(content, [Resource("dpm-host", hostname, address)]);

    private static string Text(Scenario scenario, string realPath = RealHosts) =>
        System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(scenario.Folder, realPath)));

    [Fact]
    public void WhatIfWritesNothingThenApplyAppendsTheLineKeepingCrlfCommentsAndEveryOtherLine()
    {
        using var scenario = WithHosts(WindowsDefault);
        var before = FileTree.Capture(scenario.Folder);

        var plan = scenario.Plan();

        Assert.Equal(before, FileTree.Capture(scenario.Folder));
        Assert.Equal(["dpm01.contoso.com: (absent) → 10.0.0.5"], plan.DifferencesOf("dpm-host"));

        var apply = scenario.Apply();

        Assert.Equal(ResourceStatus.Changed, apply.StatusOf("dpm-host"));
        Assert.Equal(WindowsDefault + "10.0.0.5 dpm01.contoso.com\r\n", Text(scenario));
        var applied = FileTree.Capture(scenario.Folder);
        Assert.Equal(ResourceStatus.Compliant, scenario.Apply().StatusOf("dpm-host"));
        Assert.Equal(applied, FileTree.Capture(scenario.Folder));
    }

    [Fact]
    public void AWrongAddressOnALineOfItsOwnIsReplacedInPlaceKeepingItsComment()
    {
        using var scenario = WithHosts("127.0.0.1 localhost\r\n10.0.0.9\tDPM01.Contoso.com   # DPM server\r\n10.0.0.20 sql01\r\n");

        var plan = scenario.Plan();
        scenario.Apply();

        Assert.Equal(["dpm01.contoso.com: 10.0.0.9 → 10.0.0.5"], plan.DifferencesOf("dpm-host"));
        Assert.Equal("127.0.0.1 localhost\r\n10.0.0.5\tDPM01.Contoso.com   # DPM server\r\n10.0.0.20 sql01\r\n", Text(scenario));
    }

    [Fact]
    public void OnALineWithSeveralNamesOnlyThisNameMovesToALineOfItsOwn()
    {
        using var scenario = WithHosts("10.0.0.9 dpm01.contoso.com dpm01 dpm\t# the old DPM server\r\n", hostname: "DPM01");

        scenario.Apply();

        Assert.Equal("10.0.0.9 dpm01.contoso.com dpm\t# the old DPM server\r\n10.0.0.5 DPM01\r\n", Text(scenario));
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("dpm-host"));
    }

    [Fact]
    public void FurtherLinesMappingTheNameElsewhereAreDroppedAndARightLineIsKept()
    {
        using var scenario = WithHosts("10.0.0.5 dpm01.contoso.com\n10.0.0.9 dpm01.contoso.com\n10.0.0.8 other dpm01.contoso.com\n");

        var plan = scenario.Plan();
        scenario.Apply();

        Assert.Equal(["dpm01.contoso.com: 10.0.0.5, 10.0.0.9, 10.0.0.8 → 10.0.0.5"], plan.DifferencesOf("dpm-host"));
        Assert.Equal("10.0.0.5 dpm01.contoso.com\n10.0.0.8 other\n", Text(scenario));
    }

    [Fact]
    public void CommentsAreIgnoredWhenMatching()
    {
        using var scenario = WithHosts("# 10.0.0.5 dpm01.contoso.com\n10.0.0.7 other # dpm01.contoso.com\n");

        scenario.Apply();

        Assert.Equal("# 10.0.0.5 dpm01.contoso.com\n10.0.0.7 other # dpm01.contoso.com\n10.0.0.5 dpm01.contoso.com\n", Text(scenario));
    }

    [Theory]
    [InlineData("10.0.0.5 DPM01.CONTOSO.COM\r\n", "10.0.0.5")]
    [InlineData("10.0.0.5 dpm01.contoso.com.\r\n", "10.0.0.5")]
    [InlineData("fd00:0:0::5 dpm01.contoso.com\r\n", "FD00::5")]
    public void NamesIgnoreCaseAndAddressesCompareAsAddresses(string content, string address)
    {
        using var scenario = WithHosts(content, address: address);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("dpm-host"));
    }

    [Fact]
    public void AFileWithoutAFinalLineEndGetsOneBeforeTheNewLine()
    {
        using var scenario = WithHosts("127.0.0.1 localhost");

        scenario.Apply();

        Assert.Equal("127.0.0.1 localhost\r\n10.0.0.5 dpm01.contoso.com\r\n", Text(scenario));
    }

    [Fact]
    public void BytesOutsideAsciiInCommentsSurvive()
    {
        const string content = "# Serveur de sauvegarde \u00e9t\u00e9\n";
        using var scenario = WithHosts(content);

        scenario.Apply();

        Assert.Equal(content + "10.0.0.5 dpm01.contoso.com\n", Text(scenario));
    }

    [Fact]
    public void TheDefaultPathFollowsTheSystemRootFactAndAMissingFileIsCreated()
    {
        using var scenario = WithHosts(null, [Resource("dpm-host", "dpm01", "10.0.0.5")],
            new JObject { ["facts"] = new JObject { ["SystemRoot"] = @"D:\WINNT" } });
        Directory.CreateDirectory(Path.Combine(scenario.Folder, "files", "D"));

        var plan = scenario.Plan();
        scenario.Apply();

        Assert.Equal(["dpm01: (absent) → 10.0.0.5"], plan.DifferencesOf("dpm-host"));
        Assert.Equal("10.0.0.5 dpm01\r\n", Text(scenario, "files/D/WINNT/System32/drivers/etc/hosts"));
    }

    [Fact]
    public void AWriteThatFailsBeforeTheRenameLeavesTheOriginalFileIntact()
    {
        var faults = new JObject { ["faults"] = new JArray(new JObject { ["operation"] = "set", ["target"] = @"file:C:\Windows\System32\drivers\etc\hosts" }) };
        using var scenario = WithHosts(WindowsDefault, [Resource("dpm-host", "dpm01", "10.0.0.5")], faults);

        var run = scenario.Apply();

        Assert.Equal("could not apply: Access is denied.", run.Resource("dpm-host").Error);
        Assert.Equal(WindowsDefault, Text(scenario));
        Assert.Single(Directory.GetFiles(Path.Combine(scenario.Folder, "files/C/Windows/System32/drivers/etc")));
    }

    [Fact]
    public void AFaultOnOneHostsFileFailsOnlyTheResourceUsingIt()
    {
        var faults = new JObject { ["faults"] = new JArray(new JObject { ["operation"] = "read", ["target"] = @"file:C:\Windows\System32\drivers\etc\hosts" }) };
        using var scenario = WithHosts(WindowsDefault,
            [Resource("dpm-host", "dpm01", "10.0.0.5"), Resource("test-hosts", "dpm01", "10.0.0.5", @"C:\Test\hosts")], faults);

        var run = scenario.Apply();

        Assert.Equal("could not read: Access is denied.", run.Resource("dpm-host").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("test-hosts"));
    }

    [Theory]
    [InlineData("""{ "hostname": "dpm01", "address": "10.0.0.300" }""", "b.json(1,125): \"address\" of resource \"h\" (hostsEntry) is \"10.0.0.300\", not an IPv4 or IPv6 address; give one such as 10.0.0.5 or fd00::5.")]
    [InlineData("""{ "hostname": "dpm01", "address": "10.5" }""", "b.json(1,119): \"address\" of resource \"h\" (hostsEntry) is \"10.5\", not an IPv4 or IPv6 address; give one such as 10.0.0.5 or fd00::5.")]
    [InlineData("""{ "hostname": "dpm01", "address": "fe80::1%4" }""", "b.json(1,124): \"address\" of resource \"h\" (hostsEntry) is \"fe80::1%4\", not an IPv4 or IPv6 address; give one such as 10.0.0.5 or fd00::5.")]
    [InlineData("""{ "hostname": "dpm 01", "address": "10.0.0.5" }""", "b.json(1,101): \"hostname\" of resource \"h\" (hostsEntry) is \"dpm 01\"; give a host name such as dpm01 or dpm01.contoso.com (letters, digits, '-' and '_', labels separated by dots).")]
    [InlineData("""{ "hostname": "dpm01" }""", "b.json(1,80): resource \"h\" (hostsEntry) has no \"address\"; add \"address\": \"...\".")]
    [InlineData("""{ "hostname": "dpm01", "address": "10.0.0.5", "path": "hosts" }""", "b.json(1,140): \"path\" of resource \"h\" (hostsEntry) is \"hosts\"; give an absolute path with a drive letter, such as C:\\Windows\\System32\\drivers\\etc\\hosts.")]
    public void BadInputIsLocated(string properties, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write("b.json", $$"""{ "name": "t", "resources": [ { "id": "h", "type": "hostsEntry", "properties": {{properties}} } ] }""");

        var e = Assert.Throws<InputException>(() => new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));

        Assert.Equal(message, e.Message.Replace(folder.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }
}
