using System.Globalization;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Host;

/// <summary>The six registry value kinds that configuration uses.</summary>
public enum RegistryValueKind
{
    String,
    ExpandString,
    MultiString,
    Binary,
    DWord,
    QWord,
}

/// <summary>
/// A typed registry value. Data is held in one canonical form per kind so that equality is exact:
/// strings as string, multi-strings as a list, binary as bytes, DWORD and QWORD as unsigned numbers.
/// </summary>
public sealed class RegistryValue : IEquatable<RegistryValue>
{
    public static readonly EnumNames<RegistryValueKind> KindNames = new(
        ("string", RegistryValueKind.String),
        ("expandString", RegistryValueKind.ExpandString),
        ("multiString", RegistryValueKind.MultiString),
        ("binary", RegistryValueKind.Binary),
        ("dword", RegistryValueKind.DWord),
        ("qword", RegistryValueKind.QWord));

    private RegistryValue(RegistryValueKind kind, string? text, IReadOnlyList<string>? lines, byte[]? bytes, ulong number)
    {
        Kind = kind;
        Text = text;
        Lines = lines;
        Bytes = bytes;
        Number = number;
    }

    public RegistryValueKind Kind { get; }

    /// <summary>String and ExpandString data.</summary>
    public string? Text { get; }

    /// <summary>MultiString data.</summary>
    public IReadOnlyList<string>? Lines { get; }

    /// <summary>Binary data.</summary>
    public IReadOnlyList<byte>? Bytes { get; }

    /// <summary>DWord and QWord data.</summary>
    public ulong Number { get; }

    public static RegistryValue String(string text) => new(RegistryValueKind.String, text, null, null, 0);

    public static RegistryValue ExpandString(string text) => new(RegistryValueKind.ExpandString, text, null, null, 0);

    public static RegistryValue MultiString(IEnumerable<string> lines) => new(RegistryValueKind.MultiString, null, lines.ToArray(), null, 0);

    public static RegistryValue Binary(IEnumerable<byte> bytes) => new(RegistryValueKind.Binary, null, null, bytes.ToArray(), 0);

    public static RegistryValue DWord(uint number) => new(RegistryValueKind.DWord, null, null, null, number);

    public static RegistryValue QWord(ulong number) => new(RegistryValueKind.QWord, null, null, null, number);

    /// <summary>The data as it is written in baselines, snapshots and reports.</summary>
    public JToken DataToJson() => Kind switch
    {
        RegistryValueKind.String or RegistryValueKind.ExpandString => new JValue(Text),
        RegistryValueKind.MultiString => new JArray(Lines!.Cast<object>().ToArray()),
        RegistryValueKind.Binary => new JValue(Convert.ToHexString(Bytes!.ToArray()).ToLowerInvariant()),
        _ => new JValue(Number),
    };

    /// <summary><c>{ "kind": "dword", "data": 7200 }</c></summary>
    public JObject ToJson() => new() { ["kind"] = KindNames.NameOf(Kind), ["data"] = DataToJson() };

    /// <summary>Reads <c>kind</c> and <c>data</c> from a baseline or snapshot object.</summary>
    public static RegistryValue Read(JsonObjectReader reader)
    {
        var kind = reader.RequiredEnum("kind", KindNames);
        var data = reader.Required("data", DataExpectation(kind));
        return ReadData(reader, kind, data);
    }

    /// <summary>Reads <c>{ "kind": "dword", "atLeast": 379893 }</c>: a lower bound for a number value.</summary>
    public static RegistryValue ReadMinimum(JsonObjectReader reader)
    {
        var kind = reader.RequiredEnum("kind", KindNames);
        var minimum = reader.Required("atLeast", DataExpectation(kind));
        if (kind is not (RegistryValueKind.DWord or RegistryValueKind.QWord))
        {
            throw reader.Error(minimum, $"\"atLeast\" of {reader.Subject} needs kind \"dword\" or \"qword\"; a {KindNames.NameOf(kind)} value has no order.");
        }

        return ReadData(reader, kind, minimum);
    }

    private static string DataExpectation(RegistryValueKind kind) => kind switch
    {
        RegistryValueKind.String or RegistryValueKind.ExpandString => "a string",
        RegistryValueKind.MultiString => "an array of strings",
        RegistryValueKind.Binary => "a string of hexadecimal byte pairs such as \"01ff\"",
        RegistryValueKind.DWord => "a number from 0 to 4294967295 (or \"0x1b7740\")",
        _ => "a number from 0 to 18446744073709551615 (or \"0x...\")",
    };

    private static RegistryValue ReadData(JsonObjectReader reader, RegistryValueKind kind, JToken data)
    {
        InputException Wrong() => reader.Error(data,
            $"\"data\" of {reader.Subject} must be {DataExpectation(kind)} for kind \"{KindNames.NameOf(kind)}\"; found {JsonObjectReader.Describe(data)}.");

        switch (kind)
        {
            case RegistryValueKind.String or RegistryValueKind.ExpandString:
                var text = data.Type == JTokenType.String ? data.Value<string>()! : throw Wrong();
                return kind == RegistryValueKind.String ? String(text) : ExpandString(text);
            case RegistryValueKind.MultiString:
                return data is JArray array && array.All(t => t.Type == JTokenType.String)
                    ? MultiString(array.Select(t => t.Value<string>()!))
                    : throw Wrong();
            case RegistryValueKind.Binary:
                return data.Type == JTokenType.String && TryParseHex(data.Value<string>()!, out var bytes) ? Binary(bytes) : throw Wrong();
            default:
                var max = kind == RegistryValueKind.DWord ? uint.MaxValue : ulong.MaxValue;
                if (!TryReadNumber(data, out var number) || number > max)
                {
                    throw Wrong();
                }

                return kind == RegistryValueKind.DWord ? DWord((uint)number) : QWord(number);
        }
    }

    private static bool TryReadNumber(JToken data, out ulong number)
    {
        number = 0;
        if (data is JValue { Type: JTokenType.Integer } value)
        {
            switch (value.Value)
            {
                case long l when l >= 0:
                    number = (ulong)l;
                    return true;
                case System.Numerics.BigInteger big when big >= 0 && big <= ulong.MaxValue:
                    number = (ulong)big;
                    return true;
                default:
                    return false;
            }
        }

        if (data.Type == JTokenType.String && data.Value<string>() is { } s && s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number);
        }

        return false;
    }

    private static bool TryParseHex(string text, out byte[] bytes)
    {
        var compact = text.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        try
        {
            bytes = Convert.FromHexString(compact);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    public bool Equals(RegistryValue? other) =>
        other is not null
        && Kind == other.Kind
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && Number == other.Number
        && (Lines ?? []).SequenceEqual(other.Lines ?? [], StringComparer.Ordinal)
        && (Bytes ?? []).SequenceEqual(other.Bytes ?? []);

    public override bool Equals(object? obj) => Equals(obj as RegistryValue);

    public override int GetHashCode() => HashCode.Combine(Kind, Text, Number);

    public override string ToString() => ToJson().ToString(Newtonsoft.Json.Formatting.None);
}
