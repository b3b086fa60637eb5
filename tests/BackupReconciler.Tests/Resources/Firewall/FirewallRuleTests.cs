using BackupReconciler.Baselines;
using BackupReconciler.Engine;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Resources;

public sealed class FirewallRuleTests
{
    private const string SmbTcp = "SMB for installation (TCP-139,445-In)";
    private const string SmbUdp = "SMB for installation (UDP- 137,138-In)";
    private const string Rpc = "RPC for DPM (TCP- 135,5718,5719,49152-65535-In)";

    /// <summary>The three rules of seed 000 ("Check network and firewall settings"), as a DPM server baseline states them.</summary>
    private static JArray SeedRules() => JArray.Parse($$"""
        [ { "id": "smb-tcp", "type": "firewallRule", "reference": "000_4b8fb8a1776333a5.txt",
            "properties": { "name": "{{SmbTcp}}", "enabled": true, "direction": "inbound", "action": "allow", "profiles": "any",
                            "protocol": "tcp", "localPorts": "139,445", "remoteAddresses": ["${AgentIPAddresses}"] } },
          { "id": "smb-udp", "type": "firewallRule", "reference": "000_4b8fb8a1776333a5.txt",
            "properties": { "name": "{{SmbUdp}}", "enabled": true, "direction": "inbound", "action": "allow", "profiles": "any",
                            "protocol": "udp", "localPorts": "137,138", "remoteAddresses": ["${AgentIPAddresses}"] } },
          { "id": "rpc", "type": "firewallRule", "reference": "000_4b8fb8a1776333a5.txt",
            "properties": { "name": "{{Rpc}}", "enabled": true, "direction": "inbound", "action": "allow", "profiles": "any",
                            "protocol": "tcp", "localPorts": "135,5718,5719,49152-65535",
                            "remoteAddresses": ["${AgentIPAddresses}", "${SQLIPAddress}"] } } ]
        """);

    private static JObject SeedParameters() => JObject.Parse("""
        { "AgentIPAddresses": { "type": "array", "description": "protected servers allowed in" },
          "SQLIPAddress": { "type": "string", "description": "the SQL Server hosting DPMDB" } }
        """);

    private static VariableInputs SeedVariables(Scenario scenario)
    {
        var file = Path.Combine(scenario.Folder, "vars.json");
        File.WriteAllText(file, """{ "AgentIPAddresses": ["10.0.0.21", "10.0.0.22"], "SQLIPAddress": "10.0.0.30" }""");
        return new VariableInputs([], file);
    }

    /// <summary>
    /// A server where an administrator made the RPC rule by hand, in other spellings, without 5719 and the SQL
    /// server, and disabled it; plus two rules nobody declares.
    /// </summary>
    private static JObject DriftedHost() => JObject.Parse($$"""
        { "firewallRules": [
            { "name": "Core Networking - DNS (UDP-Out)", "enabled": true, "direction": "outbound", "action": "allow",
              "protocol": "UDP", "remotePorts": "53", "profiles": ["any"] },
            { "name": "{{Rpc.ToLowerInvariant()}}", "enabled": false, "direction": "Inbound", "action": "Allow", "protocol": 6,
              "localPorts": "5718,135,49152-65535", "remoteAddresses": ["10.0.0.22/32", "10.0.0.21"],
              "profiles": ["public", "private", "domain"] },
            { "name": "Core Networking - Destination Unreachable (ICMPv6-In)", "protocol": 58, "remoteAddresses": "*" }
        ] }
        """);

    private static JArray Rules(JObject snapshot) => (JArray)snapshot["firewallRules"]!;

    private static JObject RuleNamed(JObject snapshot, string name) =>
        (JObject)Rules(snapshot).Single(r => string.Equals((string)r["name"]!, name, StringComparison.OrdinalIgnoreCase));

    private static JArray OneRule(string properties) =>
        JArray.Parse($$"""[ { "id": "rule", "type": "firewallRule", "properties": {{properties}} } ]""");

    private static JObject HostWith(params string[] rules) =>
        JObject.Parse($$"""{ "firewallRules": [ {{string.Join(", ", rules)}} ] }""");

    [Fact]
    public void TheSeedRulesAreCreatedOnABareServerWithTheArrayParameterSplicedIntoTheAddresses()
    {
        using var scenario = new Scenario(SeedRules(), new JObject(), SeedParameters());
        var variables = SeedVariables(scenario);

        var plan = scenario.Run(whatIf: true, variables);
        var apply = scenario.Run(whatIf: false, variables);
        var again = scenario.Run(whatIf: false, variables);

        Assert.Equal(
            ["rule: (absent) → {\"name\":\"RPC for DPM (TCP- 135,5718,5719,49152-65535-In)\",\"enabled\":true,\"direction\":\"inbound\",\"action\":\"allow\",\"protocol\":\"tcp\",\"localPorts\":[\"135\",\"5718\",\"5719\",\"49152-65535\"],\"remotePorts\":[\"any\"],\"remoteAddresses\":[\"10.0.0.21\",\"10.0.0.22\",\"10.0.0.30\"],\"profiles\":[\"any\"]}"],
            plan.DifferencesOf("rpc"));
        Assert.All(["smb-tcp", "smb-udp", "rpc"], id => Assert.Equal(ResourceStatus.Changed, apply.StatusOf(id)));
        Assert.All(["smb-tcp", "smb-udp", "rpc"], id => Assert.Equal(ResourceStatus.Compliant, again.StatusOf(id)));
        Assert.Equal(0, ExitCodes.Detailed(again));
        var snapshot = scenario.SnapshotJson;
        Assert.Equal([SmbTcp, SmbUdp, Rpc], Rules(snapshot).Select(r => (string)r["name"]!));
        Assert.Equal("""["137","138"]""", RuleNamed(snapshot, SmbUdp)["localPorts"]!.ToString(Formatting.None));
        Assert.Equal("udp", (string)RuleNamed(snapshot, SmbUdp)["protocol"]!);
        Assert.Equal("""["10.0.0.21","10.0.0.22"]""", RuleNamed(snapshot, SmbTcp)["remoteAddresses"]!.ToString(Formatting.None));
    }

    [Fact]
    public void WhatIfReportsOnlyTheStatedSettingsThatDifferAndLeavesTheSnapshotByteIdentical()
    {
        using var scenario = new Scenario(SeedRules(), DriftedHost(), SeedParameters());
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Run(whatIf: true, SeedVariables(scenario));

        // Direction "Inbound", protocol 6, profiles listed one by one and 10.0.0.22/32 are Windows' own spellings of what the baseline says: no drift.
        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("rpc"));
        Assert.Equal(
            ["enabled: false → true",
             "localPorts: [\"135\",\"5718\",\"49152-65535\"] → [\"135\",\"5718\",\"5719\",\"49152-65535\"]",
             "remoteAddresses: [\"10.0.0.21\",\"10.0.0.22\"] → [\"10.0.0.21\",\"10.0.0.22\",\"10.0.0.30\"]"],
            plan.DifferencesOf("rpc"));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void ApplyUpdatesTheRuleInPlaceChangingOnlyTheDifferingSettingsAndTheSecondApplyChangesNothing()
    {
        using var scenario = new Scenario(SeedRules(), DriftedHost(), SeedParameters());
        var variables = SeedVariables(scenario);

        var plan = scenario.Run(whatIf: true, variables);
        var first = scenario.Run(whatIf: false, variables);
        var second = scenario.Run(whatIf: false, variables);

        Assert.Equal(ResourceStatus.Changed, first.StatusOf("rpc"));
        Assert.Equal(plan.DifferencesOf("rpc"), first.DifferencesOf("rpc"));
        Assert.Equal(ResourceStatus.Compliant, second.StatusOf("rpc"));
        Assert.Equal(0, ExitCodes.Detailed(second));
        var rule = RuleNamed(scenario.SnapshotJson, Rpc);
        Assert.Equal(
            """{"name":"rpc for dpm (tcp- 135,5718,5719,49152-65535-in)","enabled":true,"direction":"Inbound","action":"Allow","protocol":6,"localPorts":["135","5718","5719","49152-65535"],"remoteAddresses":["10.0.0.21","10.0.0.22","10.0.0.30"],"profiles":["public","private","domain"]}""",
            rule.ToString(Formatting.None));
    }

    [Fact]
    public void RulesTheBaselineDoesNotNameKeepTheirPlaceAndTheirExactJson()
    {
        using var scenario = new Scenario(SeedRules(), DriftedHost(), SeedParameters());
        var before = Rules(scenario.SnapshotJson).Select(r => r.ToString(Formatting.None)).ToList();

        scenario.Run(whatIf: false, SeedVariables(scenario));

        var after = Rules(scenario.SnapshotJson).Select(r => r.ToString(Formatting.None)).ToList();
        Assert.Equal(5, after.Count);
        Assert.Equal(before[0], after[0]);
        Assert.NotEqual(before[1], after[1]);
        Assert.Equal(before[2], after[2]);
        Assert.Equal([SmbTcp, SmbUdp], after.Skip(3).Select(r => (string)JObject.Parse(r)["name"]!));
    }

    [Fact]
    public void AMissingRuleIsCreatedWithWindowsDefaultsForWhatTheBaselineDoesNotState()
    {
        using var scenario = new Scenario(OneRule("""{ "name": "DPM agent", "protocol": "tcp", "localPorts": [5718, 5719] }"""), new JObject());

        Assert.Equal(ResourceStatus.Changed, scenario.Apply().StatusOf("rule"));

        Assert.Equal(
            """{"name":"DPM agent","enabled":true,"direction":"inbound","action":"allow","protocol":"tcp","localPorts":["5718","5719"],"remotePorts":["any"],"remoteAddresses":["any"],"profiles":["any"]}""",
            RuleNamed(scenario.SnapshotJson, "DPM agent").ToString(Formatting.None));
        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("rule"));
    }

    [Theory]
    [InlineData("""{ "localPorts": "135,5718" }""", """{ "localPorts": ["5718", "135"] }""")]
    [InlineData("""{ "localPorts": "any" }""", """{ }""")]
    [InlineData("""{ "localPorts": "*" }""", """{ "localPorts": [] }""")]
    [InlineData("""{ "localPorts": "49152-65535" }""", """{ "localPorts": ["49152-60000", "60001-65535"] }""")]
    [InlineData("""{ "remoteAddresses": "10.0.0.5" }""", """{ "remoteAddresses": "10.0.0.5/32" }""")]
    [InlineData("""{ "remoteAddresses": "10.0.0.0/24" }""", """{ "remoteAddresses": "10.0.0.0/255.255.255.0" }""")]
    [InlineData("""{ "remoteAddresses": "Internet" }""", """{ "remoteAddresses": "IntErnet" }""")]
    [InlineData("""{ "remoteAddresses": ["LocalSubnet", "dns"] }""", """{ "remoteAddresses": "DNS,localsubnet" }""")]
    [InlineData("""{ "remoteAddresses": "any" }""", """{ "remoteAddresses": [] }""")]
    [InlineData("""{ "profiles": "any" }""", """{ "profiles": ["domain", "private", "public"] }""")]
    [InlineData("""{ "profiles": ["private", "domain"] }""", """{ "profiles": "Domain,Private" }""")]
    [InlineData("""{ "protocol": "tcp" }""", """{ "protocol": 6 }""")]
    [InlineData("""{ "direction": "inbound", "action": "allow" }""", """{ "direction": "Inbound", "action": "ALLOW" }""")]
    public void SpellingDifferencesAreNotDrift(string declared, string onHost)
    {
        var properties = JObject.Parse(declared);
        properties["name"] = "Rule";
        if (properties["localPorts"] is not null)
        {
            properties["protocol"] = "tcp";
        }

        var rule = JObject.Parse(onHost);
        rule.AddFirst(new JProperty("name", "RULE"));
        rule["protocol"] ??= properties["protocol"]?.DeepClone();
        using var scenario = new Scenario(OneRule(properties.ToString()), HostWith(rule.ToString()));

        var plan = scenario.Plan();

        Assert.Equal(ResourceStatus.Compliant, plan.StatusOf("rule"));
        Assert.Empty(plan.DifferencesOf("rule"));
    }

    [Fact]
    public void OnlyStatedSettingsAreCompared()
    {
        var host = HostWith("""{ "name": "Rule", "enabled": false, "direction": "outbound", "action": "block", "protocol": 58, "profiles": "public" }""");
        using var scenario = new Scenario(OneRule("""{ "name": "Rule", "action": "block" }"""), host);

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("rule"));
    }

    [Fact]
    public void AProtocolNumberFromARealHostIsShownAsANumber()
    {
        using var scenario = new Scenario(OneRule("""{ "name": "Rule", "protocol": "any" }"""), HostWith("""{ "name": "Rule", "protocol": 58 }"""));

        Assert.Equal(["protocol: 58 → any"], scenario.Plan().DifferencesOf("rule"));
        scenario.Apply();
        Assert.Equal("any", (string)RuleNamed(scenario.SnapshotJson, "Rule")["protocol"]!);
    }

    [Fact]
    public void AnAbsentRuleIsRemovedAndTheOthersStay()
    {
        var host = HostWith("""{ "name": "Keep" }""", """{ "name": "Legacy DPM", "localPorts": "3148", "protocol": "tcp" }""", """{ "name": "Keep too" }""");
        using var scenario = new Scenario(OneRule("""{ "name": "legacy dpm", "ensure": "absent" }"""), host);

        Assert.Equal(
            ["rule: {\"name\":\"Legacy DPM\",\"enabled\":true,\"direction\":\"inbound\",\"action\":\"allow\",\"protocol\":\"tcp\",\"localPorts\":[\"3148\"],\"remotePorts\":[\"any\"],\"remoteAddresses\":[\"any\"],\"profiles\":[\"any\"]} → (absent)"],
            scenario.Plan().DifferencesOf("rule"));
        Assert.Equal(ResourceStatus.Changed, scenario.Apply().StatusOf("rule"));
        Assert.Equal(["Keep", "Keep too"], Rules(scenario.SnapshotJson).Select(r => (string)r["name"]!));
        Assert.Equal(ResourceStatus.Compliant, scenario.Apply().StatusOf("rule"));
    }

    [Fact]
    public void AnAbsentRuleThatDoesNotExistIsCompliant()
    {
        using var scenario = new Scenario(OneRule("""{ "name": "Legacy DPM", "ensure": "absent" }"""), new JObject());

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("rule"));
    }

    [Theory]
    [InlineData("""{ "name": "Odd", "enabled": true }""")]
    [InlineData("""{ "name": "odd", "ensure": "present" }""")]
    [InlineData("""{ "name": "Odd", "protocol": "tcp", "localPorts": "135" }""")]
    public void ARuleThatCouldNotBeFullyReadFailsEveryComparisonWithTheReasonAndNoSecondRuleIsCreated(string properties)
    {
        var host = HostWith("""{ "name": "Odd", "unreadable": "the firewall rule string has no Active field" }""");
        using var scenario = new Scenario(OneRule(properties), host);
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var plan = scenario.Plan();
        var apply = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, plan.StatusOf("rule"));
        Assert.Equal(ResourceStatus.Failed, apply.StatusOf("rule"));
        Assert.Contains("exists but cannot be compared: the firewall rule string has no Active field", apply.Resource("rule").Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void AnAbsentRuleSeesARuleThatCouldNotBeFullyReadAndRemovesItButUndoSaysItCannotRecreateIt()
    {
        var host = HostWith("""{ "name": "Odd", "unreadable": "its field \"Hologram\" is one this tool does not know" }""", """{ "name": "Keep" }""");
        using var scenario = new Scenario(OneRule("""{ "name": "odd", "ensure": "absent" }"""), host);

        Assert.Equal(["rule: {\"name\":\"Odd\",\"unreadable\":\"its field \\\"Hologram\\\" is one this tool does not know\"} → (absent)"], scenario.Plan().DifferencesOf("rule"));
        Assert.Equal(ResourceStatus.Changed, scenario.Apply().StatusOf("rule"));
        Assert.Equal(["Keep"], Rules(scenario.SnapshotJson).Select(r => (string)r["name"]!));

        var undo = new BackupReconciler.Resources.Firewall.FirewallRuleResource("Odd", false, new BackupReconciler.Host.Firewall.FirewallRuleSettings())
            .UndoOf(new BackupReconciler.Resources.Firewall.FirewallRuleActual("Odd", [BackupReconciler.Host.Firewall.FirewallRule.NotFullyRead("Odd", "no Active field")]),
                [new Difference("rule", new BackupReconciler.Resources.Firewall.FirewallRulesValue([BackupReconciler.Host.Firewall.FirewallRule.NotFullyRead("Odd", "no Active field")]), null)]);
        Assert.False(undo.IsPossible);
        Assert.Contains("cannot be recreated", undo.Impossible, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateNamesFailThePresentRuleWithTheCountAndTheFixAndChangeNothing()
    {
        var host = HostWith(
            """{ "name": "RPC for DPM", "protocol": "tcp", "localPorts": "135" }""",
            """{ "name": "rpc for DPM", "protocol": "tcp", "localPorts": "any", "remoteAddresses": "any" }""");
        var resources = JArray.Parse("""
            [ { "id": "rpc", "type": "firewallRule", "properties": { "name": "RPC for DPM", "protocol": "tcp", "localPorts": "135,5718" } },
              { "id": "after-rpc", "type": "firewallRule", "dependsOn": ["rpc"], "properties": { "name": "Other", "enabled": true } } ]
            """);
        using var scenario = new Scenario(resources, host);
        var before = File.ReadAllBytes(scenario.SnapshotPath);

        var run = scenario.Apply();

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("rpc"));
        Assert.Equal(
            "could not read: the firewall rule \"RPC for DPM\" is ambiguous: 2 rules have this name (names ignore case), and the tool will not guess which one the baseline means; " +
            "remove or rename all but one of them (netsh advfirewall firewall show rule name=\"RPC for DPM\" lists them), then run again.",
            run.Resource("rpc").Error);
        Assert.Equal(ResourceStatus.Skipped, run.StatusOf("after-rpc"));
        Assert.Equal(4, ExitCodes.Detailed(run));
        Assert.Equal(before, File.ReadAllBytes(scenario.SnapshotPath));
    }

    [Fact]
    public void DuplicateNamesOfAnAbsentRuleAreAllRemovedBecauseNoChoiceIsInvolved()
    {
        var host = HostWith(
            """{ "name": "Legacy", "direction": "inbound" }""",
            """{ "name": "Unrelated" }""",
            """{ "name": "LEGACY", "direction": "outbound" }""");
        using var scenario = new Scenario(OneRule("""{ "name": "legacy", "ensure": "absent" }"""), host);

        var plan = scenario.Plan();
        var apply = scenario.Apply();

        Assert.Equal(ResourceStatus.Drifted, plan.StatusOf("rule"));
        var removed = Assert.IsType<JArray>(plan.Resource("rule").Differences.Single().Actual!.ToJson());
        Assert.Equal(["inbound", "outbound"], removed.Select(r => (string)r["direction"]!));
        Assert.Equal(ResourceStatus.Changed, apply.StatusOf("rule"));
        Assert.Equal(["Unrelated"], Rules(scenario.SnapshotJson).Select(r => (string)r["name"]!));
    }

    [Fact]
    public void AReadFaultOnOneRuleNameFailsOnlyThatResourceThoughTheRulesAreReadInBulk()
    {
        var host = DriftedHost();
        host["faults"] = JArray.Parse($$"""[ { "operation": "read", "target": "firewall:{{Rpc}}", "message": "The RPC server is unavailable." } ]""");
        using var scenario = new Scenario(SeedRules(), host, SeedParameters());

        var run = scenario.Run(whatIf: false, SeedVariables(scenario));

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("rpc"));
        Assert.Equal("could not read: The RPC server is unavailable.", run.Resource("rpc").Error);
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("smb-tcp"));
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("smb-udp"));
        Assert.False((bool)RuleNamed(scenario.SnapshotJson, Rpc)["enabled"]!);
    }

    [Fact]
    public void ASetFaultFailsOnlyThatResourceSkipsItsDependentsAndTheRestApplies()
    {
        var resources = SeedRules();
        resources.Add(JObject.Parse("""{ "id": "after-rpc", "type": "firewallRule", "dependsOn": ["rpc"], "properties": { "name": "After" } }"""));
        var host = DriftedHost();
        host["faults"] = JArray.Parse($$"""[ { "operation": "set", "target": "firewall:{{Rpc.ToUpperInvariant()}}", "message": "Access is denied." } ]""");
        using var scenario = new Scenario(resources, host, SeedParameters());

        var run = scenario.Run(whatIf: false, SeedVariables(scenario));

        Assert.Equal(ResourceStatus.Failed, run.StatusOf("rpc"));
        Assert.Equal("could not apply: Access is denied.", run.Resource("rpc").Error);
        Assert.Equal(ResourceStatus.Skipped, run.StatusOf("after-rpc"));
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("smb-tcp"));
        Assert.Equal(ResourceStatus.Changed, run.StatusOf("smb-udp"));
        Assert.Equal(6, ExitCodes.Detailed(run));
    }

    [Fact]
    public void OneRuleIsPlannedAgainstAHostWithFifteenHundredRules()
    {
        var rules = Enumerable.Range(0, 1500).Select(i =>
            $$"""{ "name": "Rule {{i:D4}}", "protocol": "tcp", "localPorts": "{{1000 + i}}", "remoteAddresses": "10.1.{{i / 250}}.{{i % 250}}" }""");
        using var scenario = new Scenario(
            OneRule("""{ "name": "rule 0750", "protocol": "tcp", "localPorts": 1750, "remoteAddresses": ["10.1.3.0"] }"""),
            HostWith([.. rules]));

        Assert.Equal(ResourceStatus.Compliant, scenario.Plan().StatusOf("rule"));
    }

    [Theory]
    [InlineData("""{ "name": "R", "protocol": "tcp", "localPorts": ["135", "70000"] }""", 83,
        "\"localPorts\" of resource \"rule\" (firewallRule) has the port 70000, outside 0 to 65535; use ports from 0 to 65535.")]
    [InlineData("""{ "name": "R", "protocol": "tcp", "localPorts": "135,80-20" }""", 79,
        "\"localPorts\" of resource \"rule\" (firewallRule) has the range 80-20, which runs backwards; write it low to high: \"20-80\".")]
    [InlineData("""{ "name": "R", "protocol": "icmp" }""", 53,
        "\"protocol\" of resource \"rule\" (firewallRule) is the string \"icmp\"; use one of: tcp, udp, any.")]
    [InlineData("""{ "name": "R", "remoteAddresses": ["10.0.0.5", "10.0.0.256"] }""", 79,
        "\"remoteAddresses\" of resource \"rule\" (firewallRule) has \"10.0.0.256\", which is not an address; use an IPv4 or IPv6 address, a subnet such as \"10.0.0.0/24\", a range such as \"10.0.0.1-10.0.0.9\", a keyword (LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet, IntranetRemoteAccess, PlayToDevice, CaptivePortal), or \"any\".")]
    [InlineData("""{ "name": "" }""", 32,
        "\"name\" of resource \"rule\" (firewallRule) is empty; give the rule's name as Windows shows it, such as \"RPC for DPM\".")]
    [InlineData("""{ "name": "   " }""", 35,
        "\"name\" of resource \"rule\" (firewallRule) is empty; give the rule's name as Windows shows it, such as \"RPC for DPM\".")]
    [InlineData("""{ "protocol": "tcp" }""", 21,
        "resource \"rule\" (firewallRule) has no \"name\"; add \"name\": \"the rule's name\".")]
    [InlineData("""{ "name": "R", "localPorts": "135" }""", 54,
        "resource \"rule\" (firewallRule) sets \"localPorts\" but not \"protocol\"; ports apply only to tcp and udp rules, so add \"protocol\": \"tcp\" or \"protocol\": \"udp\".")]
    [InlineData("""{ "name": "R", "protocol": "any", "remotePorts": "135" }""", 52,
        "\"protocol\" of resource \"rule\" (firewallRule) is \"any\", but \"remotePorts\" names ports, which apply only to tcp and udp; make the protocol \"tcp\" or \"udp\", or the ports \"any\".")]
    [InlineData("""{ "name": "R", "ensure": "absent", "direction": "inbound" }""", 67,
        "resource \"rule\" (firewallRule) has \"ensure\": \"absent\" and also \"direction\"; absent removes every rule named \"R\" whatever its settings, so remove \"direction\".")]
    [InlineData("""{ "name": "R", "profiles": [] }""", 48,
        "\"profiles\" of resource \"rule\" (firewallRule) has no profile; use \"any\", or some of domain, private, public.")]
    [InlineData("""{ "name": "R", "remoteAddress": "10.0.0.5" }""", 51,
        "resource \"rule\" (firewallRule) has an unknown member \"remoteAddress\" (did you mean \"remoteAddresses\"?); the members it understands are: action, direction, enabled, ensure, localPorts, name, profiles, protocol, remoteAddresses, remotePorts.")]
    public void ABadPropertyIsReportedWithItsExactMessageAndLocation(string properties, int column, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.Write("baseline.json", $$"""
            {
              "name": "test",
              "resources": [
                { "id": "rule", "type": "firewallRule",
                  "properties": {{properties}} }
              ]
            }
            """);

        var error = Assert.Throws<InputException>(() =>
            new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>()));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(new SourceLocation(path, 5, column), error.Location);
        Assert.Equal($"{path}(5,{column}): {problem}", error.Message);
    }
}
