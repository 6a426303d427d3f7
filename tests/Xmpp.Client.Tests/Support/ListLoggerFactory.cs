using Microsoft.Extensions.Logging;
using Xmpp.Client.Tests.Net;

namespace Xmpp.Client.Tests.Support;

/// <summary>A logger factory whose loggers all write into one <see cref="ListLogger"/> (thread-safe).</summary>
internal sealed class ListLoggerFactory : ILoggerFactory
{
    public ListLogger Logger { get; } = new();

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (Logger)
            {
                return Logger.Entries.Select(entry => entry.Message).ToList();
            }
        }
    }

    /// <summary>The categories loggers were created for, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Categories { get; } = new();

    public ILogger CreateLogger(string categoryName)
    {
        Categories.Enqueue(categoryName);
        return new Locked(Logger);
    }

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Locked(ListLogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (inner)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
