using BackupReconciler.Baselines;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Baselines;

/// <summary>An empty list never means "any", and two resources never set one thing to two values.</summary>
public sealed class NothingWidensNothingFightsTests
{
    private static string Error(string baseline, VariableInputs? variables = null) => BaselineErrors.OfBaseline(baseline, variables);

    private static string Rule(string member, string list) => $$"""
        { "name": "t", "resources": [ { "id": "smb", "type": "firewallRule", "properties": {
          "name": "SMB for DPM", "direction": "inbound", "action": "allow", "protocol": "tcp", "localPorts": ["445"],
          "{{member}}": {{list}} } } ] }
        """;

    [Theory]
    [InlineData("remoteAddresses", "addresses", "address")]
    [InlineData("remotePorts", "ports", "port")]
    public void AnEmptyAddressOrPortListIsAnErrorNotAny(string member, string plural, string singular)
    {
        var message = Error(Rule(member, "[]"));

        Assert.StartsWith($"b.json(3,", message, StringComparison.Ordinal);
        Assert.EndsWith($"\"{member}\" of resource \"smb\" (firewallRule) has no {plural}, and an empty list would make the rule apply to every {singular}; list the {plural}, or write \"any\" if every {singular} is meant.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyProfileListIsAnError()
    {
        Assert.Contains("\"profiles\" of resource \"smb\" (firewallRule) has no profile", Error(Rule("profiles", "[]")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    public void AnEmptyListArrivingThroughAVariableIsAnErrorAtTheVariablesPlace(string value)
    {
        var baseline = """
            { "name": "t", "parameters": { "Agents": { "type": "array" } }, "resources": [ { "id": "smb", "type": "firewallRule", "properties": {
              "name": "SMB for DPM", "direction": "inbound", "action": "allow", "protocol": "tcp", "localPorts": ["445"],
              "remoteAddresses": "${Agents}" } } ] }
            """;

        var message = Error(baseline, VariableInputs.None with { CommandLine = [new("Agents", value)] });

        Assert.StartsWith("b.json(3,", message, StringComparison.Ordinal);
        Assert.Contains("has no addresses, and an empty list would make the rule apply to every address", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedDpmServerBaselineWithNoAgentAddressesIsRefusedNotOpenedToEveryAddress()
    {
        using var state = new TempFolder();
        var (exit, output, error) = CliRun.Run(state.Path, "plan", Repository.File("baselines/dpm-server.json"),
            "--snapshot", Repository.File("samples/dpm-server.drifted.json"), "--vars", Repository.File("samples/dpm-server.vars.json"), "--var", "AgentIPAddresses=");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("dpm-server.json(", error, StringComparison.Ordinal);
        Assert.Contains("has no addresses, and an empty list would make the rule apply to every address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameServiceInAnotherCaseSetToAnotherStateIsAnErrorNamingBoth()
    {
        Assert.Equal(
            "b.json(3,3): resources \"a\" (at b.json(2,3)) and \"b\" both set the state of service \"obengine\", to \"running\" and \"stopped\"; each apply would change it back, so keep one of them or make them agree.",
            Error("""
                { "name": "t", "resources": [
                  { "id": "a", "type": "service", "properties": { "name": "OBEngine", "state": "running" } },
                  { "id": "b", "type": "service", "properties": { "name": "obengine", "state": "stopped" } } ] }
                """));
    }

    [Fact]
    public void OneRegistryValueUnderTwoSpellingsOfItsKeyIsAnError()
    {
        var message = Error("""
            { "name": "t", "resources": [
              { "id": "a", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": 1 } } } },
              { "id": "b", "type": "registry", "properties": { "key": "HKEY_LOCAL_MACHINE\\software\\x", "values": { "v": { "kind": "dword", "data": 2 } } } } ] }
            """);

        Assert.Contains("resources \"a\" (at b.json(2,3)) and \"b\" both set the registry value HKLM\\software\\x\\v (Registry64 view)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneFirewallRuleNameWithTwoValuesForOneSettingIsAnErrorButDifferentSettingsAreNot()
    {
        const string Fights = """
            { "name": "t", "resources": [
              { "id": "a", "type": "firewallRule", "properties": { "name": "DPM", "enabled": true } },
              { "id": "b", "type": "firewallRule", "properties": { "name": "dpm", "enabled": false } } ] }
            """;
        const string Agrees = """
            { "name": "t", "resources": [
              { "id": "a", "type": "firewallRule", "properties": { "name": "DPM", "enabled": true } },
              { "id": "b", "type": "firewallRule", "properties": { "name": "dpm", "direction": "inbound" } } ] }
            """;

        Assert.Contains("both set \"enabled\" of the firewall rule \"dpm\", to true and false", Error(Fights), StringComparison.Ordinal);
        Assert.Equal(2, BaselineErrors.Valid(Agrees).Resources.Count);
    }

    [Fact]
    public void OneJsonKeyOfOneFileSetAndRemovedIsAnErrorWhileKeysDifferingInCaseAreTwoKeys()
    {
        const string Fights = """
            { "name": "t", "resources": [
              { "id": "a", "type": "jsonFile", "properties": { "path": "C:\\x.json", "set": { "k": 1 } } },
              { "id": "b", "type": "jsonFile", "properties": { "path": "c:\\X.JSON", "remove": ["k"] } } ] }
            """;
        const string TwoKeys = """
            { "name": "t", "resources": [
              { "id": "a", "type": "jsonFile", "properties": { "path": "C:\\x.json", "set": { "k": 1 } } },
              { "id": "b", "type": "jsonFile", "properties": { "path": "C:\\x.json", "set": { "K": 2 } } } ] }
            """;

        Assert.Contains("both set the key \"k\" of c:\\X.JSON, to 1 and \"(absent)\"", Error(Fights), StringComparison.Ordinal);
        Assert.Equal(2, BaselineErrors.Valid(TwoKeys).Resources.Count);
    }

    [Fact]
    public void TwoResourcesThatSetTheSameValueAgree()
    {
        var baseline = """
            { "name": "t", "resources": [
              { "id": "a", "type": "service", "properties": { "name": "OBEngine", "state": "running" } },
              { "id": "b", "type": "service", "properties": { "name": "obengine", "state": "running", "startType": "automatic" } } ] }
            """;

        Assert.Equal(2, BaselineErrors.Valid(baseline).Resources.Count);
    }

    [Fact]
    public void AResourceSetFromASecretStillHasItsSettingsCheckedForAFight()
    {
        var message = Error("""
            { "name": "t", "parameters": { "Token": { "type": "string", "secret": true, "default": "s3cr3t-value" } }, "resources": [
              { "id": "a", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "T": { "kind": "string", "data": "${Token}" } } } },
              { "id": "b", "type": "registry", "properties": { "key": "HKLM\\SOFTWARE\\X", "values": { "T": { "kind": "string", "data": "other" } } } } ] }
            """);

        Assert.Contains("resources \"a\" (at b.json(2,3)) and \"b\" both set the registry value", message, StringComparison.Ordinal);
    }
}
