using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>One log entry as a log collector sees it: its level, category, text and the fields of its scopes.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, string?> Scopes);

/// <summary>
/// Keeps every log entry of the host it is added to (as an <see cref="ILoggerProvider"/> service), with the fields of
/// the scopes it was written in, as the JSON console writes them.
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            log._scopes.ForEachScope((scope, into) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        into[key] = value?.ToString();
                    }
                }
            }, fields);
            log.Entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), fields));
        }
    }
}
