namespace BackupReconciler.Input;

/// <summary>Where in an input file something stands: the file, 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>The whole file, when no finer position is known.</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    /// <summary>MSBuild's form, which Windows build logs and editors understand: <c>file(line,column)</c>.</summary>
    public override string ToString() =>
        Line > 0 ? $"{InputException.OneLine(File)}({Line},{Column})" : InputException.OneLine(File);
}
