using Serilog;
using Serilog.Events;

namespace BackupReconciler.Cli;

/// <summary>Log lines to standard error (never into the report) and to a daily rolling file in the state directory.</summary>
public static class Logging
{
    /// <summary>Every line passes through <paramref name="redactor"/>: secrets never reach a console or a file.</summary>
    /// <param name="eventLog">Where run events go besides the file (Windows only); null for none.</param>
    public static Serilog.Core.Logger Create(string stateDirectory, bool verbose, TextWriter stderr, BackupReconciler.Input.SecretRedactor redactor, BackupReconciler.Host.IEventLogWriter? eventLog = null)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Sink(new RedactingSink(new StandardErrorSink(stderr), redactor), verbose ? LogEventLevel.Debug : LogEventLevel.Warning);
        try
        {
            var logs = Path.Combine(stateDirectory, "logs");
            Directory.CreateDirectory(logs);
            var file = new LoggerConfiguration()
                .MinimumLevel.Debug()
                .WriteTo.File(
                    Path.Combine(logs, "backup-reconciler-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 31,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}")
                .CreateLogger();
            configuration = configuration.WriteTo.Sink(new RedactingSink(file, redactor), verbose ? LogEventLevel.Debug : LogEventLevel.Information);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"warning: no log file: cannot create {stateDirectory} ({e.Message}); pass --state-dir to a writable folder.");
        }

        if (eventLog is null)
        {
            return configuration.CreateLogger();
        }

        // The sink's one warning goes through this same logger (to standard error and the file); the sink ignores it.
        Serilog.Core.Logger? logger = null;
        var events = new WindowsEvents.EventLogSink(eventLog, problem => logger?.Warning("{Problem}", problem));
        logger = configuration.WriteTo.Sink(new RedactingSink(events, redactor), LogEventLevel.Information).CreateLogger();
        return logger;
    }

    /// <summary>Writes to the given writer so that tests and the real console get the same lines.</summary>
    private sealed class StandardErrorSink(TextWriter stderr) : Serilog.Core.ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Properties.ContainsKey(WindowsEvents.RunEvents.EventIdProperty))
            {
                return; // a run event, for the event log: the report already says it
            }

            var level = logEvent.Level switch
            {
                LogEventLevel.Warning => "warning",
                LogEventLevel.Error or LogEventLevel.Fatal => "error",
                _ => "info",
            };
            // Strings as they are, not quoted: these lines are for people (the file keeps the same with :lj).
            var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var token in logEvent.MessageTemplate.Tokens)
            {
                if (token is Serilog.Parsing.PropertyToken property
                    && logEvent.Properties.TryGetValue(property.PropertyName, out var value)
                    && value is ScalarValue { Value: string text })
                {
                    line.Write(text);
                }
                else
                {
                    token.Render(logEvent.Properties, line, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            stderr.WriteLine($"{level}: {line}");
        }
    }
}
