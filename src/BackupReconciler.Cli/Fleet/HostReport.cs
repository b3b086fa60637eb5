namespace BackupReconciler.Cli.Fleet;

/// <summary>One host's JSON report (test, plan, apply, watch or undo, <c>--output json</c>) as the fleet view reads it.</summary>
public sealed record HostReport(
    string File,
    string Host,
    string Baseline,
    string Command,
    DateTimeOffset StartedAt,
    DateTimeOffset LastSeen,
    int SchemaVersion,
    IReadOnlyList<ReportedResource> Resources);

/// <summary>A resource as a report gives it. The status is kept as written: new statuses are counted as "other", never dropped.</summary>
public sealed record ReportedResource(string Id, string Type, string Status);

/// <summary>A file that is not a report this version reads fully, and why; every such file is listed in the fleet view.</summary>
public sealed record ReportProblem(string File, ProblemKind Kind, string Detail);

public enum ProblemKind
{
    /// <summary>Not JSON, not an object, or missing what a report always has: not read.</summary>
    Unreadable,

    /// <summary>A report of another schema version: read as far as it has the fields of version 1, and listed.</summary>
    OtherVersion,

    /// <summary>JSON from the tool that holds no compliance (get, runs, snapshot output): not read.</summary>
    NotACompliance,
}
