using BackupReconciler.Baselines.References;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Reports;

/// <summary>
/// A resource's <c>reference</c> in the JSON report: the first article it cites (<c>seed</c>, <c>kb</c>,
/// <c>title</c>, <c>url</c>, <c>section</c>), the text the baseline wrote (<c>text</c>), and any further
/// articles (<c>also</c>). Members the article does not have (a KB number, a public address) are left out,
/// never guessed; a reference naming no seed file has only its <c>text</c>.
/// </summary>
public static class ReferenceJson
{
    public static JObject? Of(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var citations = Citation.Parse(reference);
        var json = citations.Count == 0 ? new JObject() : Article(citations[0]);
        json["text"] = reference;
        if (citations.Count > 1)
        {
            json["also"] = new JArray(citations.Skip(1).Select(Article));
        }

        return json;
    }

    private static JObject Article(Citation citation)
    {
        var json = new JObject { ["seed"] = citation.Seed };
        if (citation.Article?.Kb is { } kb)
        {
            json["kb"] = kb;
        }

        if (citation.Article is { } article)
        {
            json["title"] = article.Title;
        }

        if (citation.Article?.Url is { } url)
        {
            json["url"] = url;
        }

        if (citation.Section is { } section)
        {
            json["section"] = section;
        }

        return json;
    }
}
