using Newtonsoft.Json;

namespace BackupReconciler.Input;

/// <summary>
/// Replaces secret values with <c>***</c> in everything the tool writes for people or records:
/// reports, log lines, the journal, error messages. Secrets come from <c>--var-secret</c> and from
/// parameters declared <c>"secret": true</c>. Their JSON- and XML-escaped forms are replaced too,
/// since reports and journals escape what they contain.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private string[] _forms = [];

    public void Add(IEnumerable<string> secrets)
    {
        lock (_secrets)
        {
            foreach (var secret in secrets.Where(s => s.Length > 0))
            {
                _secrets.Add(secret);
            }

            // Longest first, so a secret that contains another is masked whole.
            _forms = _secrets
                .SelectMany(s => new[] { s, JsonConvert.ToString(s)[1..^1], System.Security.SecurityElement.Escape(s) })
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(f => f.Length)
                .ToArray();
        }
    }

    public string Redact(string text)
    {
        var forms = _forms;
        foreach (var form in forms)
        {
            text = text.Replace(form, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
