namespace BackupReconciler.Tests.Support;

/// <summary>A test that reads the seed articles themselves (shared/seeds beside the repository); skipped with the reason where they are not.</summary>
public sealed class SeedsFactAttribute : FactAttribute
{
    /// <summary>shared/seeds beside the repository, or beside the folder of worktrees it is checked out in.</summary>
    public static string Folder => new[] { Path.Combine(Repository.Root, "..", "shared", "seeds"), Path.Combine(Repository.Root, "..", "..", "shared", "seeds") }
        .Select(Path.GetFullPath).FirstOrDefault(Directory.Exists) ?? Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "seeds"));

    public SeedsFactAttribute()
    {
        if (!Directory.Exists(Folder))
        {
            Skip = $"the seed articles are not beside the repository ({Folder}); the table is checked against them where they are";
        }
    }
}
