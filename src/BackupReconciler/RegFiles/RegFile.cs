using BackupReconciler.Host.Registry;

namespace BackupReconciler.RegFiles;

/// <summary>
/// What a .reg file says, in order: per key (HKLM only), the values it sets and the values it deletes.
/// A key named twice is one key (names ignore case); a value named twice keeps the last word, as merging does.
/// </summary>
public sealed record RegFile(string Path, RegFileFormat Format, IReadOnlyList<RegKeySection> Keys);

public enum RegFileFormat
{
    /// <summary>REGEDIT4: text in the ANSI code page, hex(2)/hex(7) data in single bytes.</summary>
    Regedit4,

    /// <summary>"Windows Registry Editor Version 5.00": UTF-16 text, hex(2)/hex(7) data in UTF-16.</summary>
    Version5,
}

/// <summary>One key: its path under HKLM (as <c>HKLM\…</c>), where it was first named, and its values by name (null: delete it).</summary>
public sealed record RegKeySection(RegistryKeyPath Key, int Line, IReadOnlyList<(string Name, RegistryValue? Value)> Values);
