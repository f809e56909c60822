using Microsoft.Extensions.Logging;

namespace Wiro.WebApi.Tests;

/// <summary>One log call as text: its message, every state value, every scope value and the exception.</summary>
public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<string> Values)
{
    /// <summary>Everything the line carries that a log sink could write.</summary>
    public IEnumerable<string> AllText => Values.Prepend(Message);
}

/// <summary>A logger provider that keeps every line at every level, with its state and scopes, for assertions.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly LockedCollection<LogLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogLine> Lines => _lines.Snapshot();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void AddValues(List<string> values, object? state)
    {
        if (state is null)
        {
            return;
        }

        values.Add(state.ToString() ?? "");
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            values.AddRange(pairs.Select(pair => pair.Key + "=" + pair.Value));
        }
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<string>();
            AddValues(values, state);
            owner._scopes.ForEachScope((scope, list) => AddValues(list, scope), values);
            if (exception is not null)
            {
                values.Add(exception.ToString());
            }

            owner._lines.Add(new LogLine(category, logLevel, eventId, formatter(state, exception), values));
        }
    }
}
