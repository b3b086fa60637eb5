namespace Microsoft.SqlServer.Server;

/// <summary>Marks a type as a SQL Server user-defined type and says how it is stored.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
public sealed class SqlUserDefinedTypeAttribute : Attribute
{
    /// <summary>SQL Server's limit on a user-defined type's serialized size, as in the original.</summary>
    private const int MaxByteSizeValue = 8000;

    private int _maxByteSize;

    public SqlUserDefinedTypeAttribute(Format format)
    {
        if (format is not (Format.Unknown or Format.Native or Format.UserDefined))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "not a serialization format");
        }

        Format = format;
    }

    public Format Format { get; }

    /// <summary>The largest serialized size in bytes, -1 for no limit below 2 GB; from -1 to 8000.</summary>
    public int MaxByteSize
    {
        get => _maxByteSize;
        set => _maxByteSize = value is >= -1 and <= MaxByteSizeValue
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxByteSize goes from -1 to 8000");
    }

    public bool IsFixedLength { get; set; }

    public bool IsByteOrdered { get; set; }

    public string? ValidationMethodName { get; set; }

    public string? Name { get; set; }
}
