namespace BackupReconciler.Host;

/// <summary>
/// Why a list of entries (ports, addresses, profiles) could not be read: the entry at
/// <paramref name="EntryIndex"/> (-1 when the list as a whole is wrong) and the rest of the sentence.
/// </summary>
public sealed record ParseProblem(int EntryIndex, string Message)
{
    public const int WholeList = -1;
}
