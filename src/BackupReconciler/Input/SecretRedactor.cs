using System.Globalization;
using System.Xml.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Input;

/// <summary>
/// Replaces secret values with <c>***</c> in everything the tool writes for people or records:
/// reports, log lines, the journal, saved plans, error messages. Secrets come from <c>--var-secret</c>,
/// from parameters declared <c>"secret": true</c>, and from the host's old value of a property that is
/// set from a secret (a rotated secret). Text is masked in every escaping an output uses (JSON, XML,
/// Windows and POSIX path separators, and each path segment long enough to be one); JSON and XML
/// documents are masked value by value, so that an integer secret becomes the string "***" and the file
/// stays valid.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>Shorter fragments are ordinary text: masking them would mask words, and still tell the secret away.</summary>
    public const int MinimumLength = 4;

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private string[] _forms = [];

    /// <summary>The secrets as given (not their derived forms).</summary>
    public IReadOnlyList<string> Known
    {
        get
        {
            lock (_secrets)
            {
                return [.. _secrets];
            }
        }
    }

    /// <summary>Whether any secret is known; without one, documents pass through byte for byte.</summary>
    public bool HasSecrets => _forms.Length > 0;

    public void Add(IEnumerable<string> secrets)
    {
        lock (_secrets)
        {
            var added = false;
            foreach (var secret in secrets.Where(s => s.Length >= MinimumLength))
            {
                added |= _secrets.Add(secret);
            }

            // Asked again with what it already knows (every secret-bound resource adds the account spellings): nothing to redo.
            if (!added)
            {
                return;
            }

            // Longest first, so a secret that contains another is masked whole.
            _forms = _secrets
                .SelectMany(Forms)
                .Where(f => f.Length >= MinimumLength)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(f => f.Length)
                .ToArray();
        }
    }

    /// <summary>Every way an output may spell the secret, or a part of it that names it.</summary>
    private static IEnumerable<string> Forms(string secret)
    {
        var spellings = new[] { secret, secret.Replace('\\', '/'), secret.Replace('/', '\\') };
        foreach (var spelling in spellings)
        {
            yield return spelling;
            yield return JsonConvert.ToString(spelling)[1..^1];
            yield return spelling.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
            yield return System.Security.SecurityElement.Escape(spelling);
        }

        // Messages shorten long values ("abc..."): the start of a secret cut off there still names it.
        for (var length = MinimumLength; length < secret.Length; length++)
        {
            yield return secret[..length] + "...";
            yield return JsonConvert.ToString(secret[..length])[1..^1] + "...";
        }

        // A path that holds the secret is split at its separators by messages that name one segment, and a
        // list ("445,5718", a PATH's "a;b") at its commas and semicolons by messages that name one entry.
        foreach (var segment in secret.Split(['\\', '/', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return segment;
            yield return JsonConvert.ToString(segment)[1..^1];
        }

        // A number is shown as the resource reads it: "0x1b7740" as 1800000, a port "04451" as 4451.
        foreach (var number in NumberForms(secret))
        {
            yield return number;
        }
    }

    /// <summary>The decimal (with and without separators) and hexadecimal spellings of a secret that is a whole number.</summary>
    private static IEnumerable<string> NumberForms(string secret)
    {
        var text = secret.Trim();
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (!System.Numerics.BigInteger.TryParse(hex ? "0" + text[2..] : text, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return [];
        }

        var digits = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        // Counts are shown with thousands separators ("60,000 files").
        return [value.ToString(CultureInfo.InvariantCulture), value.ToString("N0", CultureInfo.InvariantCulture), "0x" + digits, "0x" + digits.ToUpperInvariant(), "0X" + digits.ToUpperInvariant()];
    }

    /// <summary>Whether <paramref name="text"/> holds a secret in any of its forms.</summary>
    public bool Reveals(string text) => _forms.Any(f => text.Contains(f, StringComparison.Ordinal));

    public string Redact(string text)
    {
        var forms = _forms;
        foreach (var form in forms)
        {
            text = text.Replace(form, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// A copy of <paramref name="token"/> with every secret masked value by value: strings and names have
    /// the secret replaced, a number or boolean that is a secret (exactly) becomes the string "***".
    /// </summary>
    public JToken RedactJson(JToken token)
    {
        if (!HasSecrets)
        {
            return token;
        }

        var copy = token.DeepClone();
        var values = copy is JContainer container ? container.DescendantsAndSelf().OfType<JValue>().ToList() : [(JValue)copy];
        foreach (var value in values)
        {
            switch (value.Type)
            {
                case JTokenType.String when value.Value is string text:
                    value.Value = Redact(text);
                    break;
                case JTokenType.Integer or JTokenType.Float or JTokenType.Boolean:
                    var number = Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "";
                    if (_forms.Contains(number, StringComparer.Ordinal))
                    {
                        if (value == copy)
                        {
                            return new JValue(Mask);
                        }

                        value.Replace(new JValue(Mask));
                    }

                    break;
            }
        }

        if (copy is JContainer root)
        {
            foreach (var property in root.DescendantsAndSelf().OfType<JProperty>().Where(p => Reveals(p.Name)).ToList())
            {
                property.Replace(new JProperty(Redact(property.Name), property.Value));
            }
        }

        return copy;
    }

    /// <summary>A JSON document (a report) masked value by value, written back indented.</summary>
    public string RedactJsonText(string json)
    {
        if (!HasSecrets)
        {
            return json;
        }

        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        var token = JToken.ReadFrom(reader);
        return RedactJson(token).ToString(Formatting.Indented) + (json.EndsWith('\n') ? "\n" : "");
    }

    /// <summary>An XML document (a JUnit report) masked in every text and attribute value, then written back.</summary>
    public string RedactXmlText(string xml)
    {
        if (!HasSecrets)
        {
            return xml;
        }

        var document = XDocument.Parse(xml, LoadOptions.PreserveWhitespace);
        foreach (var element in document.Descendants())
        {
            foreach (var attribute in element.Attributes())
            {
                attribute.Value = Redact(attribute.Value);
            }

            foreach (var text in element.Nodes().OfType<XText>())
            {
                text.Value = Redact(text.Value);
            }
        }

        var declaration = document.Declaration is { } d ? d + "\n" : "";
        return declaration + document.ToString(SaveOptions.DisableFormatting) + (xml.EndsWith('\n') ? "\n" : "");
    }
}
