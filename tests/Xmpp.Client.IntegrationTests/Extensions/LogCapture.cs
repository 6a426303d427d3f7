using Microsoft.Extensions.Logging;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>A logger factory that keeps the id of every event logged, to check what the client decided.</summary>
internal sealed class LogCapture : ILoggerFactory, ILoggerProvider
{
    private readonly List<EventId> _events = [];

    public IReadOnlyList<EventId> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._events)
            {
                owner._events.Add(eventId);
            }
        }
    }
}
