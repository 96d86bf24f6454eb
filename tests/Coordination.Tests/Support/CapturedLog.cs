using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Support;

/// <summary>
/// What the hub logged, kept in memory as it was written: a logger provider a test adds to the hub's services.
/// Which levels reach it is the hub's own logging configuration (the test sets the categories it reads).
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private readonly List<Line> _lines = [];
    private readonly List<(Func<Line, bool> Matches, TaskCompletionSource<Line> Signal)> _waiting = [];

    /// <summary>
    /// One log call: its level, category, event, formatted message and exception, and its named fields: the
    /// message's own and its scopes' (what the JSON console formatter writes as fields), the innermost first.
    /// </summary>
    public sealed record Line(LogLevel Level, string Category, string? EventName, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>>? Fields = null)
    {
        /// <summary>The field's value as text, the message's own or the innermost scope's; null when the line has no such field.</summary>
        public string? Field(string name) => Fields?.FirstOrDefault(f => f.Key == name && f.Value is not null).Value?.ToString();

        public override string ToString() => $"{Level} {Category} [{EventName}] {Message}{(Exception is null ? "" : " | " + Exception.GetType().Name + ": " + Exception.Message)}";
    }

    public IReadOnlyList<Line> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Everything logged so far, one line each, for a failing test's message.</summary>
    public string Text => string.Join("\n", Lines);

    /// <summary>The first line that matches, logged already or when it is logged; fails the test after the timeout.</summary>
    public async Task<Line> WaitForAsync(Func<Line, bool> matches, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var signal = new TaskCompletionSource<Line>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.FirstOrDefault(matches) is { } logged)
            {
                return logged;
            }

            _waiting.Add((matches, signal));
        }

        try
        {
            return await signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No matching log line was written in time; the log has:\n{Text}");
            throw;
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Add(Line line)
    {
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiting in _waiting.Where(w => w.Matches(line)).ToArray())
            {
                _waiting.Remove(waiting);
                waiting.Signal.TrySetResult(line);
            }
        }
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new List<KeyValuePair<string, object?>>();
            if (state is IEnumerable<KeyValuePair<string, object?>> own)
            {
                fields.AddRange(own);
            }

            var scopes = new List<IEnumerable<KeyValuePair<string, object?>>>();
            log._scopes.ForEachScope((scope, found) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> named)
                {
                    found.Add(named);
                }
            }, scopes);
            scopes.Reverse(); // outermost first as given; the innermost is looked up first
            fields.AddRange(scopes.SelectMany(s => s));
            log.Add(new Line(logLevel, category, eventId.Name, formatter(state, exception), exception, fields));
        }
    }
}
