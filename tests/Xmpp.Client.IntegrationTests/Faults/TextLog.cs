using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.IntegrationTests.Faults;

/// <summary>Keeps a client's log lines (Information and above; every stanza with XMPP_TEST_TRACE=1) with a timestamp,
/// to explain a failed run.</summary>
internal sealed class TextLog(string name) : ILoggerFactory
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string Name { get; } = name;

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private static string Shorten(string line) => line.Length > 300 ? line[..300] + "…" : line;

    private sealed class Logger(TextLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= (Environment.GetEnvironmentVariable("XMPP_TEST_TRACE") == "1" ? LogLevel.Trace : LogLevel.Information);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._lines.Enqueue($"{owner._clock.Elapsed.TotalSeconds,8:0.000} {owner.Name} {Shorten(formatter(state, exception))}");
            }
        }
    }
}
