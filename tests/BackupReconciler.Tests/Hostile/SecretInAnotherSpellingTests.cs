using BackupReconciler.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Hostile;

/// <summary>
/// A secret that a resource reads and writes back in another spelling (a dword in hex shown in decimal, a port
/// with a leading zero, an account in its canonical name) must be masked in that spelling too: the reports show
/// the resource's spelling, which the masking of the secret as given does not match.
/// </summary>
public sealed class SecretInAnotherSpellingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("registry", """{ "key": "HKLM\\SOFTWARE\\X", "values": { "V": { "kind": "dword", "data": "${S}" } } }""", "0x1b7740", "1800000")]
    [InlineData("firewallRule", """{ "name": "R", "protocol": "tcp", "localPorts": ["${S}"] }""", "04451", "4451")]
    [InlineData("service", """{ "name": "svc", "account": "${S}" }""", "nt authority\\networkservice", "NETWORK SERVICE")]
    public void ASecretTheResourceRespellsIsMaskedInItsNewSpelling(string type, string properties, string secret, string respelled)
    {
        var baseline = _folder.Write("b.json", new JObject
        {
            ["name"] = "respelled",
            ["parameters"] = new JObject { ["S"] = new JObject { ["type"] = "string", ["secret"] = true } },
            ["resources"] = new JArray(new JObject { ["id"] = "r", ["type"] = type, ["properties"] = JObject.Parse(properties) }),
        }.ToString());
        var snapshot = _folder.Write("s.json", """
            { "computerName": "H", "registry": { "HKLM\\SOFTWARE\\X": { "V": { "kind": "dword", "data": 5 } } },
              "services": { "svc": { "startType": "manual", "state": "stopped", "account": "LocalSystem" } } }
            """);

        foreach (var output in new[] { "text", "json" })
        {
            var (exit, stdout, stderr) = CliRun.Run(_folder.Combine("state"), "plan", baseline, "--snapshot", snapshot, "--var-secret", "S=" + secret, "--output", output);

            Assert.Equal(2, exit);
            Assert.DoesNotContain(respelled, stdout + stderr, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("junit")]
    public void ASecretByteCountAndTheOldValueItReplacesAreNeverShownInBinaryUnits(string output)
    {
        var baseline = _folder.Write("b.json", """
            { "name": "sized", "parameters": { "S": { "type": "string", "secret": true } },
              "resources": [ { "id": "vss", "type": "shadowStorage", "properties": { "forVolume": "C:", "onVolume": "C:", "maxSize": "${S}" } } ] }
            """);
        var snapshot = _folder.Write("s.json", """
            { "computerName": "H", "volumes": { "C:": { "sizeBytes": 536870912000, "freeBytes": 22548578304 } },
              "shadowStorage": [ { "forVolume": "C:", "onVolume": "C:", "maxSizeBytes": 1073741824 } ] }
            """);

        var (exit, stdout, stderr) = CliRun.Run(_folder.Combine("state"), "plan", baseline, "--snapshot", snapshot, "--var-secret", "S=21474836480", "--output", output);

        Assert.Equal(2, exit);
        Assert.Contains("maxSize: *** → ***", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("GiB", stdout + stderr, StringComparison.Ordinal);
    }
}
