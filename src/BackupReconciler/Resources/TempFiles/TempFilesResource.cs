using System.Globalization;
using BackupReconciler.Host;
using BackupReconciler.Host.Files;
using BackupReconciler.Input;

namespace BackupReconciler.Resources.TempFiles;

/// <summary>
/// A folder holds at most <see cref="MaxCount"/> files matching <see cref="Pattern"/> (seed 003: with
/// more than 60,000 .tmp files in C:\Windows\Temp the MARS agent fails). Only the folder itself is
/// counted, not its subfolders: that is the pile-up the seed describes, and subfolders belong to
/// installers and services that manage their own.
/// </summary>
/// <remarks>
/// Over the limit, every matching file older than <see cref="MinAge"/> is deleted, oldest first — not
/// just enough to get back to the limit. The seed says to delete these files; stopping at the limit
/// would leave the folder at the edge where the agent breaks, and the next run would delete a few more
/// each time. Oldest first still matters: when a run stops early (a failure, a file that cannot be
/// deleted), what went first is what was least likely to be needed. Files newer than
/// <see cref="MinAge"/>, read-only files and files in use are kept and counted.
/// </remarks>
public sealed record TempFilesResource(string Directory, string Pattern, int MaxCount, Duration MinAge) : Resource<TempFilesActual>
{
    public override string TypeName => TempFilesResourceType.TypeName;

    public override TempFilesActual Read(IHost host)
    {
        var entries = host.Files.ListFiles(Directory, Pattern) ?? [];
        var cutoff = host.Files.Now - MinAge.Span;
        var newer = 0;
        var readOnly = 0;
        var eligible = new List<FileEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.LastWriteTime > cutoff)
            {
                newer++;
            }
            else if (entry.IsReadOnly)
            {
                readOnly++;
            }
            else
            {
                eligible.Add(entry);
            }
        }

        eligible.Sort((a, b) => a.LastWriteTime != b.LastWriteTime
            ? a.LastWriteTime.CompareTo(b.LastWriteTime)
            : string.CompareOrdinal(a.Name, b.Name));
        return new TempFilesActual(Directory, Pattern, entries.Count, newer, readOnly, eligible.Select(e => e.Name).ToList(),
            eligible.Count > 0 ? eligible[0].LastWriteTime : null);
    }

    public override IReadOnlyList<Difference> Compare(TempFilesActual actual, IHost host)
    {
        if (actual.Count <= MaxCount)
        {
            return [];
        }

        var desired = $"at most {Number(MaxCount)}: delete the {Number(actual.Deletable.Count)} files older than {MinAge}, oldest first";
        if (actual.Newer + actual.ReadOnly > 0)
        {
            desired += $"; keep {Number(actual.Newer)} newer and {Number(actual.ReadOnly)} read-only";
        }

        var difference = Difference.Of("count", DifferenceValue.Number(actual.Count), DifferenceValue.Text(desired));
        var left = actual.Count - actual.Deletable.Count;
        return left > MaxCount
            ? [difference with
            {
                Unreachable = $"only {Number(actual.Deletable.Count)} of the {Number(actual.Count)} files matching {Pattern} in {Directory} may be deleted "
                    + $"({Number(actual.Newer)} are newer than {MinAge}, {Number(actual.ReadOnly)} read-only); {Number(left)} would remain, more than {Number(MaxCount)}. "
                    + "Lower minAge if newer files may go, clear the read-only attribute, or raise maxCount.",
            }]
            : [difference];
    }

    /// <summary>A deleted file cannot be put back: undo of a run that cleaned up can only say so.</summary>
    public override UndoStep UndoOf(TempFilesActual actual, IReadOnlyList<Difference> changes) =>
        UndoStep.Cannot("deleted files cannot be brought back");

    public override void Apply(IHost host, TempFilesActual actual, IReadOnlyList<Difference> changes)
    {
        var deleted = 0;
        var inUse = 0;
        var readOnly = actual.ReadOnly;
        foreach (var name in actual.Deletable)
        {
            switch (host.Files.DeleteFile(PathOf(name)))
            {
                case FileDeletion.Deleted:
                case FileDeletion.NotFound:
                    deleted++;
                    break;
                case FileDeletion.InUse:
                    inUse++;
                    break;
                case FileDeletion.ReadOnly:
                    readOnly++;
                    break;
            }
        }

        var remaining = actual.Count - deleted;
        if (remaining > MaxCount)
        {
            throw new HostOperationException(
                $"did not converge: {Number(remaining)} files matching {Pattern} remain in {Directory}, more than {Number(MaxCount)}, after deleting {Number(deleted)}: "
                + $"skipped {Number(inUse)} in use and {Number(readOnly)} read-only, kept {Number(actual.Newer)} newer than {MinAge}. "
                + "Close the programs holding files open, clear the read-only attribute, or lower minAge if newer files may go, then run again.");
        }
    }

    private string PathOf(string name) => Directory.EndsWith('\\') ? Directory + name : Directory + "\\" + name;

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
