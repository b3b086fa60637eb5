namespace BackupReconciler.Tests.Support;

/// <summary>Files of the repository itself (baselines, samples, schemas), found from the test binaries upwards.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!System.IO.File.Exists(Path.Combine(directory, "BackupReconciler.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("The repository root (BackupReconciler.sln) was not found above the test binaries.");
        }

        return directory;
    }
}
