using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Cli.Dsc;

/// <summary>
/// Standard error as DSC reads it: every line a JSON trace message (<c>{"error": "..."}</c>,
/// <c>{"warn": "..."}</c>, <c>{"info": "..."}</c>). Lines written in the CLI's "level: text" form
/// (the log sink's) become the matching level, so the engine's log lines reach DSC's trace.
/// </summary>
public sealed class DscTraceWriter(TextWriter stderr) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public void Error(string message) => Emit("error", message);

    public void Warn(string message) => Emit("warn", message);

    public void Info(string message) => Emit("info", message);

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Flush();
    }

    public override void Flush()
    {
        if (_line.Length == 0)
        {
            return;
        }

        var text = _line.ToString();
        _line.Clear();
        var (level, message) = text switch
        {
            _ when text.StartsWith("error: ", StringComparison.Ordinal) => ("error", text[7..]),
            _ when text.StartsWith("warning: ", StringComparison.Ordinal) => ("warn", text[9..]),
            _ when text.StartsWith("info: ", StringComparison.Ordinal) => ("info", text[6..]),
            _ => ("info", text),
        };
        Emit(level, message);
    }

    private void Emit(string level, string message)
    {
        stderr.WriteLine(new JObject { [level] = message }.ToString(Formatting.None));
        stderr.Flush();
    }
}
