namespace BackupReconciler.Engine;

/// <summary>Where a run is: resource <paramref name="Position"/> of <paramref name="Total"/>, about to be read (and, unless what-if, changed).</summary>
public sealed record ResourceProgress(int Position, int Total, string Resource, bool WhatIf);
