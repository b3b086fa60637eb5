using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// A secret variable whose value a resource cannot take: the error names the property and masks the value,
/// and quotes no part of it either (a unit, a list item, a path segment cut out of the secret is the secret
/// told in pieces). One secret per property kind that parses its value in parts.
/// </summary>
public sealed class SecretInMalformedValueTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": "${S}" }""", "12CanaryGB")]
    [InlineData("shadowStorage", """{ "forVolume": "C:", "onVolume": "C:", "maxSize": "${S}" }""", "Canary%")]
    [InlineData("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": "${S}" } } }""", "0xCanary")]
    [InlineData("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "binary", "data": "${S}" } } }""", "01ffCanary")]
    [InlineData("registry", """{ "key": "HKLM\\SOFTWARE\\${S}", "values": { "V": { "kind": "string", "data": "a" } } }""", "Canary\\\\double")]
    [InlineData("firewallRule", """{ "name": "R", "protocol": "tcp", "localPorts": ["${S}"] }""", "1-Canary")]
    [InlineData("firewallRule", """{ "name": "R", "protocol": "tcp", "remoteAddresses": ["${S}"] }""", "10.0.0.0/Canary")]
    [InlineData("firewallRule", """{ "name": "R", "protocol": "tcp", "localPorts": ["${S}"] }""", "445,Canary")]
    [InlineData("firewallRule", """{ "name": "R", "protocol": "tcp", "remoteAddresses": ["${S}"] }""", "10.9.8.7,Canary")]
    [InlineData("eventLogQuiet", """{ "source": "s", "eventIds": [1], "within": "${S}" }""", "1dCanary")]
    [InlineData("tempFiles", """{ "directory": "C:\\t", "maxCount": 1, "minAge": "${S}" }""", "5 Canarys")]
    [InlineData("file", """{ "path": "C:\\f.txt", "minimumSize": "${S}" }""", "12 CanaryKB")]
    [InlineData("hostsEntry", """{ "hostname": "h", "address": "${S}" }""", "1.2.3.4 Canary")]
    [InlineData("pathList", """{ "variable": "PATH", "contains": ["${S}"] }""", "C:\\a;Canary")]
    public void AMalformedSecretIsNamedButNoPartOfItIsShown(string type, string properties, string secret)
    {
        var baseline = _folder.Write("b.json", new JObject
        {
            ["name"] = "malformed",
            ["parameters"] = new JObject { ["S"] = new JObject { ["type"] = "string", ["secret"] = true } },
            ["resources"] = new JArray(new JObject { ["id"] = "r", ["type"] = type, ["properties"] = JObject.Parse(properties) }),
        }.ToString());
        var snapshot = _folder.Write("s.json", """{ "computerName": "H" }""");

        foreach (var verbose in new[] { false, true })
        {
            var (exit, output, error) = CliRun.Run(_folder.Combine("state"), ["plan", baseline, "--snapshot", snapshot, "--var-secret", "S=" + secret, .. verbose ? new[] { "--verbose" } : []]);

            Assert.Equal(1, exit);
            Assert.Contains("***", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Canary", output + error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("validate")]
    public void ASecretDefaultOfTheWrongTypeIsNotQuoted(string verb)
    {
        var baseline = _folder.Write("b.json", """
            { "name": "typed", "parameters": { "S": { "type": "integer", "secret": true, "default": "Canary-not-a-number" } }, "resources": [] }
            """);
        var snapshot = _folder.Write("s.json", """{ "computerName": "H" }""");

        var (exit, output, error) = CliRun.Run(_folder.Combine("state"), [verb, baseline, .. verb == "plan" ? new[] { "--snapshot", snapshot } : []]);

        Assert.Equal(1, exit);
        Assert.Contains("the default of parameter \"S\" is", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Canary", output + error, StringComparison.Ordinal);
    }
}
