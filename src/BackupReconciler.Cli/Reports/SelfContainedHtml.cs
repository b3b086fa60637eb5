using System.Net;
using System.Text;

namespace BackupReconciler.Cli.Reports;

/// <summary>
/// The start of a report page that opens the same from a file share, a mail attachment or an air-gapped admin
/// box: inline styles only, and a Content-Security-Policy that forbids loading anything (no scripts, fonts,
/// images or style sheets from anywhere). The fleet report and the drift history both begin here, so the
/// policy is written once.
/// </summary>
public static class SelfContainedHtml
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    /// <summary>The doctype, head (charset, policy, title, style) and the opening body tag.</summary>
    public static StringBuilder Begin(string title, string style) =>
        new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>").Append(style).Append("</style>\n</head>\n<body>\n");
}
