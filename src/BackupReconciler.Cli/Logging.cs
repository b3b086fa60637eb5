using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace BackupReconciler.Cli;

/// <summary>
/// Log lines to standard error (never into the report) and, for the verbs that change the host, to a daily
/// rolling file in the state directory.
/// </summary>
public static class Logging
{
    /// <summary>
    /// Every line passes through <paramref name="redactor"/>: secrets never reach a console or a file.
    /// <paramref name="changesHost"/> is true for verbs that change the host: the file is their record beside the
    /// journal. Other verbs write to it only an unexpected failure, whose details (the stack) the console does
    /// not show. Either way the file, its folder and Serilog's file sink are made when the first line for the
    /// file comes, so a run that has nothing to record opens nothing.
    /// <paramref name="eventLog"/> is where run events go besides the file (Windows only); null for none.
    /// </summary>
    public static Logger Create(string stateDirectory, bool verbose, TextWriter stderr, BackupReconciler.Input.SecretRedactor redactor, BackupReconciler.Host.EventLog.IEventLogWriter? eventLog = null, bool changesHost = true)
    {
        var fileLevel = !changesHost ? LogEventLevel.Fatal : verbose ? LogEventLevel.Debug : LogEventLevel.Information;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Sink(new RedactingSink(new StandardErrorSink(stderr), redactor), verbose ? LogEventLevel.Debug : LogEventLevel.Warning)
            .WriteTo.Sink(new RedactingSink(new FileOnFirstEventSink(stateDirectory, stderr), redactor), fileLevel);
        if (eventLog is null)
        {
            return configuration.CreateLogger();
        }

        // The sink's one warning goes through this same logger (to standard error and the file); the sink ignores it.
        Logger? logger = null;
        var events = new WindowsEvents.EventLogSink(eventLog, problem => logger?.Warning("{Problem}", problem));
        logger = configuration.WriteTo.Sink(new RedactingSink(events, redactor), LogEventLevel.Information).CreateLogger();
        return logger;
    }

    /// <summary>The daily file, created when the first line reaches it; when it cannot be, one warning and no file.</summary>
    private sealed class FileOnFirstEventSink(string stateDirectory, TextWriter stderr) : ILogEventSink, IDisposable
    {
        private Logger? _file;
        private bool _opened;

        public void Emit(LogEvent logEvent)
        {
            if (!_opened)
            {
                _opened = true;
                _file = Open();
            }

            _file?.Write(logEvent);
        }

        private Logger? Open()
        {
            try
            {
                var logs = Path.Combine(stateDirectory, "logs");
                Directory.CreateDirectory(logs);
                return new LoggerConfiguration()
                    .MinimumLevel.Debug()
                    .WriteTo.File(
                        Path.Combine(logs, "backup-reconciler-.log"),
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: 31,
                        formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                        outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}")
                    .CreateLogger();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"warning: no log file: cannot create {stateDirectory} ({e.Message}); pass --state-dir to a writable folder.");
                return null;
            }
        }

        public void Dispose() => _file?.Dispose();
    }

    /// <summary>Writes to the given writer so that tests and the real console get the same lines.</summary>
    private sealed class StandardErrorSink(TextWriter stderr) : ILogEventSink
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
