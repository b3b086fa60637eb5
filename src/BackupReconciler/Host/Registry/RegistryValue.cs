using System.Globalization;
using BackupReconciler.Input;
using Newtonsoft.Json.Linq;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Host.Registry;

/// <summary>
/// The six registry value kinds that configuration uses, and <see cref="Other"/>: any other type number
/// the registry holds (REG_NONE, REG_DWORD_BIG_ENDIAN, REG_LINK, the resource lists, numbers no header
/// names, or one of the six whose data is not of its kind's shape), kept as its number and raw bytes so
/// that it is seen, reported and restored exactly instead of reading as absent.
/// </summary>
public enum RegistryValueKind
{
    String,
    ExpandString,
    MultiString,
    Binary,
    DWord,
    QWord,
    Other,
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

    /// <summary>The names of the type numbers outside the six (winnt.h); any other number is written <c>type:N</c>.</summary>
    private static readonly (uint Type, string Name)[] OtherKindNames =
    [
        (0, "none"),
        (5, "dwordBigEndian"),
        (6, "link"),
        (8, "resourceList"),
        (9, "fullResourceDescriptor"),
        (10, "resourceRequirementsList"),
    ];

    private const string TypeNumberPrefix = "type:";

    private RegistryValue(RegistryValueKind kind, string? text, IReadOnlyList<string>? lines, byte[]? bytes, ulong number, uint typeNumber)
    {
        Kind = kind;
        Text = text;
        Lines = lines;
        Bytes = bytes;
        Number = number;
        TypeNumber = typeNumber;
    }

    public RegistryValueKind Kind { get; }

    /// <summary>The registry's type number (REG_SZ 1 … REG_QWORD 11, or any other for <see cref="RegistryValueKind.Other"/>).</summary>
    public uint TypeNumber { get; }

    /// <summary>The kind as baselines, snapshots and reports write it: "dword", "none", "dwordBigEndian", "type:4660" ….</summary>
    public string KindName => Kind == RegistryValueKind.Other ? OtherKindName(TypeNumber) : KindNames.NameOf(Kind);

    /// <summary>String and ExpandString data.</summary>
    public string? Text { get; }

    /// <summary>MultiString data.</summary>
    public IReadOnlyList<string>? Lines { get; }

    /// <summary>Binary data, and the raw data of <see cref="RegistryValueKind.Other"/>.</summary>
    public IReadOnlyList<byte>? Bytes { get; }

    /// <summary>DWord and QWord data.</summary>
    public ulong Number { get; }

    public static RegistryValue String(string text) => new(RegistryValueKind.String, text, null, null, 0, 1);

    public static RegistryValue ExpandString(string text) => new(RegistryValueKind.ExpandString, text, null, null, 0, 2);

    public static RegistryValue MultiString(IEnumerable<string> lines) => new(RegistryValueKind.MultiString, null, lines.ToArray(), null, 0, 7);

    public static RegistryValue Binary(IEnumerable<byte> bytes) => new(RegistryValueKind.Binary, null, null, bytes.ToArray(), 0, 3);

    public static RegistryValue DWord(uint number) => new(RegistryValueKind.DWord, null, null, null, number, 4);

    public static RegistryValue QWord(ulong number) => new(RegistryValueKind.QWord, null, null, null, number, 11);

    /// <summary>A value of any other type number, as its raw bytes (REG_NONE is 0, REG_DWORD_BIG_ENDIAN 5, REG_LINK 6 …).</summary>
    public static RegistryValue Other(uint typeNumber, IEnumerable<byte> bytes) => new(RegistryValueKind.Other, null, null, bytes.ToArray(), 0, typeNumber);

    /// <summary>Whether both are of one kind: for <see cref="RegistryValueKind.Other"/>, of one type number.</summary>
    public bool SameKindAs(RegistryValue other) => Kind == other.Kind && TypeNumber == other.TypeNumber;

    /// <summary>The data as it is written in baselines, snapshots and reports.</summary>
    public JToken DataToJson() => Kind switch
    {
        RegistryValueKind.String or RegistryValueKind.ExpandString => new JValue(Text),
        RegistryValueKind.MultiString => new JArray(Lines!.Cast<object>().ToArray()),
        RegistryValueKind.Binary or RegistryValueKind.Other => new JValue(Convert.ToHexString(Bytes!.ToArray()).ToLowerInvariant()),
        _ => new JValue(Number),
    };

    /// <summary><c>{ "kind": "dword", "data": 7200 }</c></summary>
    public JObject ToJson() => new() { ["kind"] = KindName, ["data"] = DataToJson() };

    /// <summary>Reads <c>kind</c> and <c>data</c> from a baseline, snapshot or journal object.</summary>
    public static RegistryValue Read(JsonObjectReader reader)
    {
        var (kind, typeNumber) = ReadKind(reader);
        var data = reader.Required("data", DataExpectation(kind));
        return ReadData(reader, kind, typeNumber, data);
    }

    /// <summary>Reads <c>{ "kind": "dword", "atLeast": 379893 }</c>: a lower bound for a number value.</summary>
    public static RegistryValue ReadMinimum(JsonObjectReader reader)
    {
        var (kind, typeNumber) = ReadKind(reader);
        var minimum = reader.Required("atLeast", DataExpectation(kind));
        if (kind is not (RegistryValueKind.DWord or RegistryValueKind.QWord))
        {
            throw reader.Error(minimum, $"\"atLeast\" of {reader.Subject} needs kind \"dword\" or \"qword\"; a {(reader.Json["kind"] as JsonStringItem)?.Value} value has no order.");
        }

        return ReadData(reader, kind, typeNumber, minimum);
    }

    /// <summary>One of the six names, a name of <see cref="OtherKindNames"/>, or <c>type:N</c> for any type number N.</summary>
    private static (RegistryValueKind Kind, uint TypeNumber) ReadKind(JsonObjectReader reader)
    {
        var expected = string.Join(", ", KindNames.Names.Concat(OtherKindNames.Select(k => k.Name))) + " or type:N (a registry type number)";
        var token = reader.Required("kind", expected);
        if (token is JsonStringItem { Value: var name })
        {
            if (KindNames.TryParse(name, out var kind))
            {
                return (kind, 0);
            }

            foreach (var (type, otherName) in OtherKindNames)
            {
                if (otherName.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return (RegistryValueKind.Other, type);
                }
            }

            if (name.StartsWith(TypeNumberPrefix, StringComparison.OrdinalIgnoreCase)
                && uint.TryParse(name.AsSpan(TypeNumberPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return (RegistryValueKind.Other, number);
            }
        }

        throw reader.Error(token, $"\"kind\" of {reader.Subject} is {JsonObjectReader.Describe(token)}; use one of: {expected}.");
    }

    private static string OtherKindName(uint typeNumber)
    {
        foreach (var (type, name) in OtherKindNames)
        {
            if (type == typeNumber)
            {
                return name;
            }
        }

        return TypeNumberPrefix + typeNumber.ToString(CultureInfo.InvariantCulture);
    }

    private static string DataExpectation(RegistryValueKind kind) => kind switch
    {
        RegistryValueKind.String or RegistryValueKind.ExpandString => "a string",
        RegistryValueKind.MultiString => "an array of strings",
        RegistryValueKind.Binary or RegistryValueKind.Other => "a string of hexadecimal byte pairs such as \"01ff\"",
        RegistryValueKind.DWord => "a number from 0 to 4294967295 (or \"0x1b7740\")",
        _ => "a number from 0 to 18446744073709551615 (or \"0x...\")",
    };

    private static RegistryValue ReadData(JsonObjectReader reader, RegistryValueKind kind, uint typeNumber, JsonItem data)
    {
        InputException Wrong() => reader.Error(data,
            $"\"data\" of {reader.Subject} must be {DataExpectation(kind)} for kind {reader.Json["kind"]?.ToJsonText()}; found {JsonObjectReader.Describe(data)}.");

        switch (kind)
        {
            case RegistryValueKind.Other:
                return data is JsonStringItem { Value: var hex } && TryParseHex(hex, out var raw) ? Other(typeNumber, raw) : throw Wrong();
            case RegistryValueKind.String or RegistryValueKind.ExpandString:
                var text = data is JsonStringItem { Value: var value } ? value : throw Wrong();
                return kind == RegistryValueKind.String ? String(text) : ExpandString(text);
            case RegistryValueKind.MultiString:
                return data is JsonArrayItem array && array.All(t => t is JsonStringItem)
                    ? MultiString(array.Select(t => ((JsonStringItem)t).Value))
                    : throw Wrong();
            case RegistryValueKind.Binary:
                return data is JsonStringItem { Value: var binaryHex } && TryParseHex(binaryHex, out var bytes) ? Binary(bytes) : throw Wrong();
            default:
                var max = kind == RegistryValueKind.DWord ? uint.MaxValue : ulong.MaxValue;
                if (!TryReadNumber(data, out var number) || number > max)
                {
                    throw Wrong();
                }

                return kind == RegistryValueKind.DWord ? DWord((uint)number) : QWord(number);
        }
    }

    private static bool TryReadNumber(JsonItem data, out ulong number)
    {
        number = 0;
        if (data is JsonNumberItem { Kind: JsonKind.Integer } value)
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

        if (data is JsonStringItem { Value: var s } && s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
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
        && TypeNumber == other.TypeNumber
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && Number == other.Number
        && (Lines ?? []).SequenceEqual(other.Lines ?? [], StringComparer.Ordinal)
        && (Bytes ?? []).SequenceEqual(other.Bytes ?? []);

    public override bool Equals(object? obj) => Equals(obj as RegistryValue);

    public override int GetHashCode() => HashCode.Combine(Kind, TypeNumber, Text, Number);

    public override string ToString() => ToJson().ToString(Newtonsoft.Json.Formatting.None);
}
