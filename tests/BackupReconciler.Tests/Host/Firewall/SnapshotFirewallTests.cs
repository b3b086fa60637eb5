using BackupReconciler.Host;
using BackupReconciler.Host.Firewall;
using BackupReconciler.Input;
using BackupReconciler.Snapshot;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Host.Firewall;

public sealed class SnapshotFirewallTests
{
    private static (SnapshotHost Host, string Path) Load(TempFolder folder, string firewallRules, string faults = "[]")
    {
        var path = folder.Write("snapshot.json", $$"""
            {
              "computerName": "DPM01",
              "faults": {{faults}},
              "firewallRules": {{firewallRules}}
            }
            """);
        return (SnapshotHost.Load(path), path);
    }

    [Theory]
    [InlineData("""[ { "name": "A", "protocol": "tcp", "localPorts": "135,70000" } ]""", 4, 80,
        "\"localPorts\" of firewall rule \"A\" has the port 70000, outside 0 to 65535; use ports from 0 to 65535.")]
    [InlineData("""[ { "name": "A" }, { "enabled": true } ]""", 4, 39,
        "firewall rule #2 has no \"name\"; add \"name\": \"...\".")]
    [InlineData("""[ { "name": "A", "program": "C:\\x.exe" } ]""", 4, 46,
        "firewall rule \"A\" has an unknown member \"program\"; the members it understands are: action, direction, enabled, localPorts, name, profiles, protocol, remoteAddresses, remotePorts, unreadable.")]
    [InlineData("""[ { "name": "A", "protocol": 256 } ]""", 4, 51,
        "\"protocol\" of firewall rule \"A\" is the number 256; use one of: tcp, udp, any, or a protocol number from 0 to 255.")]
    [InlineData("""{ "name": "A" }""", 4, 20,
        "\"firewallRules\" must be an array of rules [ { \"name\": \"...\", \"direction\": \"inbound\", ... } ]; found an object.")]
    public void ABadRuleInASnapshotIsReportedWithItsLocation(string rules, int line, int column, string problem)
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InputException>(() => Load(folder, rules));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(new SourceLocation(folder.Combine("snapshot.json"), line, column), error.Location);
    }

    [Fact]
    public void RulesAreFoundByNameIgnoringCaseAndDuplicatesAreAllReturnedInStoreOrder()
    {
        using var folder = new TempFolder();
        var (host, _) = Load(folder, """[ { "name": "Dup", "direction": "inbound" }, { "name": "Other" }, { "name": "DUP", "direction": "outbound" } ]""");

        Assert.Equal([FirewallDirection.Inbound, FirewallDirection.Outbound], host.Firewall.FindByName("dup").Select(r => r.Direction));
        Assert.Single(host.Firewall.FindByName("other"));
        Assert.Empty(host.Firewall.FindByName("missing"));
    }

    [Fact]
    public void AnUpdateOfANameSeveralRulesShareIsRefusedByThePortItself()
    {
        using var folder = new TempFolder();
        var (host, _) = Load(folder, """[ { "name": "Dup" }, { "name": "dup" } ]""");

        var error = Assert.Throws<HostOperationException>(() => host.Firewall.Update("Dup", new FirewallRuleSettings(Enabled: false)));

        Assert.Equal("2 rules are named \"Dup\"; an update needs a name that only one rule has.", error.Message);
        Assert.False(host.HasChanges);
    }

    [Fact]
    public void AReadFaultOnOneNameLeavesLookupsOfOtherNamesWorking()
    {
        using var folder = new TempFolder();
        var (host, _) = Load(folder, """[ { "name": "A" }, { "name": "B" } ]""",
            """[ { "operation": "read", "target": "firewall:a", "message": "The RPC server is unavailable." } ]""");

        Assert.Equal("The RPC server is unavailable.", Assert.Throws<HostOperationException>(() => host.Firewall.FindByName("A")).Message);
        Assert.Single(host.Firewall.FindByName("B"));
    }

    [Fact]
    public void ARuleCreatedAndThenRemovedLeavesTheFileAsItWasApartFromFormatting()
    {
        using var folder = new TempFolder();
        var (host, path) = Load(folder, """[ { "name": "A", "localPorts": "135", "protocol": "TCP" } ]""");

        host.Firewall.Create(FirewallRule.WithDefaults("B"));
        host.Firewall.Remove("b");
        host.Save();

        Assert.Equal("""[{"name":"A","localPorts":"135","protocol":"TCP"}]""",
            Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(path))["firewallRules"]!.ToString(Newtonsoft.Json.Formatting.None));
    }
}
