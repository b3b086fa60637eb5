using BackupReconciler.Input;
using Serilog.Core;
using Serilog.Events;

namespace BackupReconciler.Cli;

/// <summary>Masks secret values in every property and exception of a log event before its sink sees it.</summary>
public sealed class RedactingSink(ILogEventSink inner, SecretRedactor redactor) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Redact(p.Value)));
        var exception = logEvent.Exception is null ? null : new RedactedException(redactor.Redact(logEvent.Exception.ToString()));
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, logEvent.MessageTemplate, properties));
    }

    private LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => new ScalarValue(redactor.Redact(text)),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Redact)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Redact(e.Value)))),
        _ => value,
    };

    public void Dispose() => (inner as IDisposable)?.Dispose();

    /// <summary>An exception's text with secrets masked, standing in for the original in the log.</summary>
    private sealed class RedactedException(string text) : Exception(text)
    {
        public override string ToString() => Message;
    }
}
