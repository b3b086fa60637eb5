using System.Text;
using BackupReconciler.Host;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Resources.JsonFile;

/// <summary>
/// A JSON settings file as found: its encoding (byte order mark kept: UTF-8 with or without, UTF-16),
/// its text, and its top-level object. Anything that is not a readable JSON object is refused with a
/// message naming the file, because overwriting content this tool cannot read would destroy it.
/// </summary>
public sealed class JsonFileContent
{
    /// <summary>Settings files are a few kilobytes; a file far larger is not the one the baseline means.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>What a file this tool creates looks like before its keys are added: Windows line endings, UTF-8 without BOM.</summary>
    private const string NewFileText = "{}\r\n";

    private readonly byte[] _preamble;
    private readonly Encoding _encoding;

    private JsonFileContent(byte[] preamble, Encoding encoding, JsonObjectText text)
    {
        _preamble = preamble;
        _encoding = encoding;
        Text = text;
    }

    public JsonObjectText Text { get; }

    public JObject Object => Text.Object;

    public static JsonFileContent New() =>
        new([], new UTF8Encoding(false), JsonObjectText.Parse(NewFileText, (JObject)JsonFileReader.Parse("new file", NewFileText)));

    public static JsonFileContent Parse(string windowsPath, byte[] bytes)
    {
        var (preamble, encoding) = DetectEncoding(bytes);
        try
        {
            var text = JsonFileReader.Decode(windowsPath, bytes);
            if (text.AsSpan().Trim().IsEmpty)
            {
                throw new HostOperationException($"{windowsPath} is empty, not a JSON object. {Refusal}");
            }

            var token = JsonFileReader.Parse(windowsPath, text);
            return token is JObject json
                ? new JsonFileContent(preamble, encoding, JsonObjectText.Parse(text, json))
                : throw new HostOperationException($"{windowsPath} holds {JsonObjectReader.Describe(token)}, not a JSON object {{ ... }}. {Refusal}");
        }
        catch (InputException e)
        {
            throw new HostOperationException($"{e.Message} {Refusal}", e);
        }
    }

    public byte[] Encode(string text) => [.. _preamble, .. _encoding.GetBytes(text)];

    private const string Refusal = "The file is left as it is: this tool never overwrites content it cannot read; fix it by hand (an empty object is {}) or delete it.";

    private static (byte[] Preamble, Encoding Encoding) DetectEncoding(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => ([0xEF, 0xBB, 0xBF], new UTF8Encoding(false)),
        [0xFF, 0xFE, ..] => ([0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false)),
        [0xFE, 0xFF, ..] => ([0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false)),
        _ => ([], new UTF8Encoding(false)),
    };
}
