using BackupReconciler.Host.AccessRules;

namespace BackupReconciler.Windows.AccessRules;

/// <summary>
/// Windows' file access masks ↔ the port's four levels (Explorer's Read, Read &amp; execute, Modify, Full
/// control), and a rule's inheritance flags ↔ the port's "inherit". On raw masks and flags (winnt.h's
/// values), so the mapping is tested anywhere; <see cref="WindowsAccessRules"/> converts the typed ones.
/// </summary>
internal static class FileRightsMapping
{
    /// <summary>FileSystemRights.Synchronize: Windows adds it to every standard level.</summary>
    public const int Synchronize = 0x100000;

    public const int ReadMask = 0x20089;
    public const int ReadAndExecuteMask = 0x200A9;
    public const int ModifyMask = 0x301BF;
    public const int FullControlMask = 0x1F01FF;

    /// <summary>InheritanceFlags and PropagationFlags as the ACE stores them.</summary>
    public const int ContainerInherit = 1;
    public const int ObjectInherit = 2;
    public const int NoPropagateInherit = 1;
    public const int InheritOnly = 2;

    private const int GenericRead = unchecked((int)0x80000000);
    private const int GenericWrite = 0x40000000;
    private const int GenericExecute = 0x20000000;
    private const int GenericAll = 0x10000000;

    /// <summary>FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_GENERIC_EXECUTE, FILE_ALL_ACCESS (winnt.h).</summary>
    private const int FileGenericRead = 0x120089;
    private const int FileGenericWrite = 0x120116;
    private const int FileGenericExecute = 0x1200A0;
    private const int FileAllAccess = 0x1F01FF;

    /// <summary>The levels, largest first, each with the rights it needs (Synchronize aside).</summary>
    private static readonly (FileRights Level, int Needed)[] Levels =
    [
        (FileRights.FullControl, FullControlMask & ~Synchronize),
        (FileRights.Modify, ModifyMask),
        (FileRights.ReadAndExecute, ReadAndExecuteMask),
        (FileRights.Read, ReadMask),
    ];

    /// <summary>
    /// The largest level the mask grants in full, or null when it grants none (Write alone, List folder
    /// contents …). Generic rights, which inheritable entries often hold, count as the file rights they stand for.
    /// </summary>
    public static FileRights? ToLevel(int rights)
    {
        var specific = Specific(rights);
        foreach (var (level, needed) in Levels)
        {
            if ((specific & needed) == needed)
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>The mask Explorer writes for a level (with Synchronize, as Windows stores every standard level).</summary>
    public static int ToMask(FileRights level) => level switch
    {
        FileRights.Read => ReadMask | Synchronize,
        FileRights.ReadAndExecute => ReadAndExecuteMask | Synchronize,
        FileRights.Modify => ModifyMask | Synchronize,
        FileRights.FullControl => FullControlMask,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a rights level"),
    };

    /// <summary>
    /// The port's "inherit": the rule reaches this folder and everything in it, at every depth. Rules that
    /// reach only one level down (NoPropagateInherit) do not count as inherited.
    /// </summary>
    public static bool IsInherited(int inheritance, int propagation) =>
        (inheritance & (ContainerInherit | ObjectInherit)) == (ContainerInherit | ObjectInherit)
        && (propagation & NoPropagateInherit) == 0;

    /// <summary>An inherit-only rule does not apply to the path itself, only to what is in it.</summary>
    public static bool AppliesToItself(int propagation) => (propagation & InheritOnly) == 0;

    public static int ToInheritance(bool inherit) => inherit ? ContainerInherit | ObjectInherit : 0;

    private static int Specific(int mask)
    {
        var specific = mask & 0x00FFFFFF;
        specific |= (mask & GenericRead) != 0 ? FileGenericRead : 0;
        specific |= (mask & GenericWrite) != 0 ? FileGenericWrite : 0;
        specific |= (mask & GenericExecute) != 0 ? FileGenericExecute : 0;
        specific |= (mask & GenericAll) != 0 ? FileAllAccess : 0;
        return specific;
    }
}
