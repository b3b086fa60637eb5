using System.Text;
using BackupReconciler.Baselines;
using BackupReconciler.Resources;
using BackupReconciler.Tests.Support;

namespace BackupReconciler.Tests.Input;

public sealed class EncodingTests
{
    private const string Baseline = """{ "name": "ünïcode", "resources": [ { "id": "a", "type": "service", "properties": { "name": "VSS", "startType": "manual" } } ] }""";

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void ABaselineLoadsInEveryEncodingWindowsToolsWrite(string encoding)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("b.json");
        File.WriteAllBytes(path, encoding switch
        {
            "utf-8" => new UTF8Encoding(false).GetBytes(Baseline),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Baseline)],
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Baseline)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Baseline)],
        });

        var baseline = new BaselineLoader(ResourceCatalog.Default).Load(path, VariableInputs.None, new Dictionary<string, string>());

        Assert.Equal("ünïcode", baseline.Name);
        Assert.Single(baseline.Resources);
    }
}
