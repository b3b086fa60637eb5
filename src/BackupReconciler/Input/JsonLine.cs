using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Input;

/// <summary>
/// Parses the tool's own small JSON records (journal lines, lock notes) exactly as written:
/// Newtonsoft would otherwise turn ISO times into DateTime and print them back in the local culture.
/// </summary>
public static class JsonLine
{
    public static JObject Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = JsonFileReader.MaxDepth };
        return JObject.Load(reader);
    }
}
