using System.Globalization;
using BackupReconciler.Input;
using BackupReconciler.Input.Json;

namespace BackupReconciler.Resources.File;

/// <summary>Reads <c>file</c> resources: <c>path</c>, <c>ensure</c> (present, the default, or absent) and an optional <c>minimumSize</c>.</summary>
public sealed class FileResourceType : IResourceType
{
    public const string TypeName = "file";

    private static readonly EnumNames<FileEnsure> Ensures = new(("present", FileEnsure.Present), ("absent", FileEnsure.Absent));

    private static readonly (string Unit, long Bytes)[] Units = [("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("B", 1)];

    public string Name => TypeName;

    public IResource Parse(JsonObjectReader properties)
    {
        var path = DrivePath.Required(properties, "path", @"C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch\OnlineBackup.KEK");
        if (path.AsSpan().IndexOfAny('*', '?') >= 0 || path.EndsWith('\\') || path.EndsWith('/'))
        {
            throw properties.Error(properties.Json["path"], $"\"path\" of {properties.Subject} is \"{path}\"; name one file, without * or ? and without a trailing backslash.");
        }

        var present = (properties.OptionalEnum("ensure", Ensures) ?? FileEnsure.Present) == FileEnsure.Present;
        long? minimum = null;
        if (properties.Optional("minimumSize") is { } size)
        {
            if (!present)
            {
                throw properties.Error(size, $"\"minimumSize\" of {properties.Subject} is given with \"ensure\": \"absent\"; a file that must be absent has no size. Remove one of them.");
            }

            minimum = ParseSize(size) ?? throw properties.Error(size,
                $"\"minimumSize\" of {properties.Subject} is {JsonObjectReader.Describe(size)}; give a number of bytes above 0 or a size such as \"1KB\" or \"20MB\" (binary units).");
        }

        properties.RejectUnknownMembers();
        return new FileResource(path, present, minimum);
    }

    private static long? ParseSize(JsonItem token)
    {
        if (token is JsonNumberItem { Kind: JsonKind.Integer } number)
        {
            // A whole number beyond 64 bits is no size: refused like 0, not converted.
            return number.Value is long bytes && bytes > 0 ? bytes : null;
        }

        if (token is not JsonStringItem { Value: var written })
        {
            return null;
        }

        var text = written.Trim();
        foreach (var (unit, factor) in Units)
        {
            if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(text[..^unit.Length].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count > 0 && count <= long.MaxValue / factor)
            {
                return count * factor;
            }
        }

        return null;
    }
}

internal enum FileEnsure
{
    Present,
    Absent,
}
