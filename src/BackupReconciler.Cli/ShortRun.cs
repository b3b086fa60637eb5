namespace BackupReconciler.Cli;

/// <summary>
/// No garbage collection until a run has allocated <see cref="Budget"/>; then collections run as usual. A run
/// lives well under a second, and on a DPM server's snapshot the collections that copied its thousands of live
/// objects from generation to generation were a third of a plan's cpu. The runtime's own knob for the first
/// generation's size (GCgen0size) is read only from the environment, so the process asks for it itself.
/// </summary>
internal static class ShortRun
{
    /// <summary>
    /// Above what a plan of a DPM server's snapshot (940 KB; 2,000 jobs, 1,100 rules) allocates, about 25 MB;
    /// below what a 2 GB machine minds. A larger run (5,000 resources, a snapshot of tens of megabytes) simply
    /// collects once it is spent.
    /// </summary>
    public const long Budget = 48L * 1024 * 1024;

    public static void Begin()
    {
        try
        {
            GC.TryStartNoGCRegion(Budget);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A runtime whose first generation cannot hold that much: it collects as it always does.
        }
    }
}
