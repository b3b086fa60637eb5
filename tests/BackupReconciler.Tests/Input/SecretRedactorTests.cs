using System.Xml.Linq;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Tests.Input;

public sealed class SecretRedactorTests
{
    private static SecretRedactor With(params string[] secrets)
    {
        var redactor = new SecretRedactor();
        redactor.Add(secrets);
        return redactor;
    }

    [Fact]
    public void AnIntegerSecretInJsonBecomesTheStringMaskAndTheDocumentStaysJsonWhileOtherNumbersStay()
    {
        var masked = With("48213").RedactJson(JObject.Parse("""{ "data": 48213, "other": 148213, "text": "port 48213" }"""));

        Assert.Equal("""{"data":"***","other":148213,"text":"port ***"}""", masked.ToString(Newtonsoft.Json.Formatting.None));
    }

    [Fact]
    public void ASecretIsMaskedInEveryEscapingAnOutputUses()
    {
        const string Secret = "Pa\"ss&<w>\\ord/x";
        var redactor = With(Secret);

        foreach (var form in new[]
        {
            Secret,
            Newtonsoft.Json.JsonConvert.ToString(Secret)[1..^1],
            "Pa\"ss&amp;&lt;w&gt;\\ord/x",
            "Pa&quot;ss&amp;&lt;w&gt;\\ord/x",
            "Pa\"ss&<w>/ord/x",
            "Pa\"ss&<w>\\ord\\x",
        })
        {
            Assert.Equal("[***]", redactor.Redact($"[{form}]"));
        }
    }

    [Fact]
    public void ASegmentOfAPathLikeSecretAndTheStartOfAShortenedOneAreMasked()
    {
        var redactor = With("Canary-P4th\\Segment-Two", "Canary-long-enough-to-be-shortened");

        Assert.Equal("key *** not found", redactor.Redact("key Canary-P4th\\Segment-Two not found"));
        Assert.Equal("subkey \"***\" is missing", redactor.Redact("subkey \"Segment-Two\" is missing"));
        Assert.Equal("the string \"svc-***\"", redactor.Redact("the string \"svc-Canary-long-enough...\""));
    }

    [Theory]
    [InlineData("0x1b7740", "1800000")]
    [InlineData("0x1b7740", "0x1B7740")]
    [InlineData("04451", "4451")]
    [InlineData("60000", "60,000")]
    [InlineData("445,Canary", "Canary")]
    public void ASecretIsMaskedInTheSpellingAResourceShowsItIn(string secret, string respelled)
    {
        var masked = With(secret).Redact($"the value {respelled} was read");

        Assert.Equal($"the value {SecretRedactor.Mask} was read", masked);
    }

    [Fact]
    public void ShortFragmentsAreNotSecretsSoOrdinaryTextSurvives()
    {
        var redactor = With("ab\\cd\\Segment-Long");

        Assert.Equal("ab cd ***", redactor.Redact("ab cd Segment-Long"));
    }

    [Fact]
    public void AnXmlReportIsMaskedInTextAndAttributesAndStaysXml()
    {
        var xml = new XDocument(new XElement("a", new XAttribute("message", "failed: S\"&<x>"), "S\"&<x> → ***")).ToString() + "\n";

        var masked = With("S\"&<x>").RedactXmlText(xml);

        var document = XDocument.Parse(masked);
        Assert.Equal("failed: ***", (string?)document.Root!.Attribute("message"));
        Assert.Equal("*** → ***", document.Root.Value);
    }

    [Fact]
    public void WithoutSecretsDocumentsPassThroughByteForByte()
    {
        const string Json = "{\n  \"a\":   1\n}\n";

        Assert.Equal(Json, new SecretRedactor().RedactJsonText(Json));
    }
}
