using System.Globalization;
using BackupReconciler.Host.EventLog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace BackupReconciler.Cli.WindowsEvents;

/// <summary>
/// A Serilog sink that writes run events (those marked with <see cref="RunEvents.EventIdProperty"/>) to the
/// Windows event log. Writing must never fail a run: the first write that fails is reported once through
/// <paramref name="warn"/> and the sink writes nothing more. Wrap it in <see cref="RedactingSink"/> so secrets are masked.
/// </summary>
public sealed class EventLogSink(IEventLogWriter writer, Action<string> warn) : ILogEventSink
{
    private bool _broken;

    public void Emit(LogEvent logEvent)
    {
        if (_broken || EventLogMapping.Map(logEvent) is not { } message)
        {
            return;
        }

        try
        {
            writer.Write(message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _broken = true;
            warn($"the Windows event log was not written ({e.Message.TrimEnd('.')}); the event source {EventLogMessage.Source} must be registered in the {EventLogMessage.LogName} log by an administrator (schedule install does it); the run goes on without events");
        }
    }
}

/// <summary>How a run event becomes an event log entry; pure, so it is tested everywhere.</summary>
public static class EventLogMapping
{
    /// <summary>Far below the event log's 31,839 characters per replacement string, and enough for any message this tool writes.</summary>
    public const int MaxPropertyLength = 8000;

    /// <summary>
    /// The entry for a run event, or null for any other log event. Replacement strings: the message first, then
    /// the template's values in the order they appear in it (strings as they are, numbers in invariant form).
    /// </summary>
    public static EventLogMessage? Map(LogEvent logEvent)
    {
        if (!logEvent.Properties.TryGetValue(RunEvents.EventIdProperty, out var idValue) || idValue is not ScalarValue { Value: int id })
        {
            return null;
        }

        var properties = new List<string> { Limit(Render(logEvent)) };
        foreach (var name in logEvent.MessageTemplate.Tokens.OfType<PropertyToken>().Select(t => t.PropertyName).Distinct(StringComparer.Ordinal))
        {
            properties.Add(Limit(logEvent.Properties.TryGetValue(name, out var value) ? Text(value) : ""));
        }

        var level = logEvent.Level switch
        {
            LogEventLevel.Error or LogEventLevel.Fatal => EventLogLevel.Error,
            LogEventLevel.Warning => EventLogLevel.Warning,
            _ => EventLogLevel.Information,
        };
        return new EventLogMessage(id, level, properties);
    }

    private static string Render(LogEvent logEvent)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            text.Write(token switch
            {
                PropertyToken property => logEvent.Properties.TryGetValue(property.PropertyName, out var value) ? Text(value) : "",
                TextToken literal => literal.Text,
                _ => token.ToString(),
            });
        }

        return text.ToString();
    }

    private static string Text(LogEventPropertyValue value) => value is ScalarValue scalar
        ? scalar.Value switch
        {
            null => "",
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        }
        : value.ToString(null, CultureInfo.InvariantCulture);

    private static string Limit(string text) => text.Length <= MaxPropertyLength ? text : text[..(MaxPropertyLength - 3)] + "...";
}
