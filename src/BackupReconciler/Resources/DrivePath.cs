using BackupReconciler.Input;

namespace BackupReconciler.Resources;

/// <summary>
/// Path properties of file resources: absolute with a drive letter, checked when the baseline is
/// loaded, so that a relative path never silently means "relative to wherever the tool runs".
/// </summary>
public static class DrivePath
{
    public static string Required(JsonObjectReader properties, string name, string example) =>
        Check(properties, name, properties.RequiredString(name), example);

    public static string? Optional(JsonObjectReader properties, string name, string example) =>
        properties.OptionalString(name) is { } path ? Check(properties, name, path, example) : null;

    public static bool IsAbsolute(string path) =>
        path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/';

    private static string Check(JsonObjectReader properties, string name, string path, string example) =>
        IsAbsolute(path)
            ? path
            : throw properties.Error(properties.Json[name], $"\"{name}\" of {properties.Subject} is \"{path}\"; give an absolute path with a drive letter, such as {example}.");
}
