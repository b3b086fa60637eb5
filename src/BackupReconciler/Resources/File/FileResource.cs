using BackupReconciler.Host;
using BackupReconciler.Host.Files;

namespace BackupReconciler.Resources.File;

/// <summary>
/// A file is present (at least <see cref="MinimumSizeBytes"/> long) or absent. Seed 003: MARS activation and
/// backups fail (0x1FC07, error 34506) when OnlineBackup.KEK is missing from the scratch folder.
/// </summary>
/// <remarks>
/// Only what is safe is enforced: a file that must be absent is deleted. A missing or too small file is
/// always a manual step, because its content cannot be known (the KEK is the agent's key material; it is
/// restored by re-registering or from a copy, never written by this tool). A host whose files cannot be
/// seen (a snapshot without <c>fileSystemRoot</c>) fails the resource instead of reading as "missing".
/// </remarks>
public sealed record FileResource(string Path, bool Present, long? MinimumSizeBytes) : Resource<FileActual>
{
    public override string TypeName => FileResourceType.TypeName;

    public override FileActual Read(IHost host)
    {
        if (!host.Files.CanSeeFiles)
        {
            throw new HostOperationException($"the files of {host.ComputerName} cannot be seen here (a snapshot without fileSystemRoot), so whether {Path} exists is not known.");
        }

        var split = Path.LastIndexOfAny(['\\', '/']);
        var entry = host.Files.ListFiles(Path[..split], Path[(split + 1)..])?
            .FirstOrDefault(e => e.Name.Equals(Path[(split + 1)..], StringComparison.OrdinalIgnoreCase));
        return new FileActual(Path, entry is not null, entry?.Length, entry?.IsReadOnly ?? false);
    }

    public override IReadOnlyList<Difference> Compare(FileActual actual, IHost host)
    {
        if (!Present)
        {
            // A read-only file is not deleted (as Windows' DeleteFile refuses it): the plan says so rather than promising the deletion.
            return !actual.Exists ? []
                : actual.ReadOnly ? [Difference.Of("ensure", DifferenceValue.Text("present"), DifferenceValue.Text("absent")) with { Unreachable = $"{Path} is read-only, and a read-only file is not deleted; clear its read-only attribute first" }]
                : [Difference.Of("ensure", DifferenceValue.Text("present"), DifferenceValue.Text("absent"))];
        }

        if (!actual.Exists)
        {
            return [Difference.Manual("ensure", DifferenceValue.Text("absent"), DifferenceValue.Text("present"),
                $"{Path} is missing and its content cannot be made by this tool; restore it (for OnlineBackup.KEK: from a copy, or by registering the server with the vault again)")];
        }

        return MinimumSizeBytes is { } minimum && actual.SizeBytes < minimum
            ? [Difference.Manual("sizeBytes", actual.SizeBytes is { } size ? DifferenceValue.Number(size) : null, DifferenceValue.Number(minimum), $"{Path} is {actual.SizeBytes} bytes, less than the {minimum} it needs; it is likely damaged, restore it")]
            : [];
    }

    public override void Apply(IHost host, FileActual actual, IReadOnlyList<Difference> changes)
    {
        if (changes.Any(c => c.Property == "ensure" && !Present))
        {
            var outcome = host.Files.DeleteFile(Path);
            if (outcome is FileDeletion.InUse or FileDeletion.ReadOnly)
            {
                throw new HostOperationException($"{Path} was not deleted: {(outcome == FileDeletion.InUse ? "another process has it open" : "it is read-only")}.");
            }
        }
    }
}
