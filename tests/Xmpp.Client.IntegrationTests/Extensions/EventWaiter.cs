using System.Threading.Channels;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Collects what an event raises, so a test can wait (bounded) for the next one that matches.</summary>
internal sealed class EventWaiter<T>
{
    private readonly Channel<T> _seen = Channel.CreateUnbounded<T>();
    private readonly List<T> _all = [];

    /// <summary>Subscribe this to the event.</summary>
    public Task Handler(T value)
    {
        lock (_all)
        {
            _all.Add(value);
        }

        _seen.Writer.TryWrite(value);
        return Task.CompletedTask;
    }

    /// <summary>Everything raised so far.</summary>
    public IReadOnlyList<T> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>Waits for the next value that matches, skipping the others; fails after <paramref name="timeout"/>.</summary>
    public async Task<T> NextAsync(Func<T, bool> match, TimeSpan timeout, string what)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var value = await _seen.Reader.ReadAsync(cancel.Token);
                if (match(value))
                {
                    return value;
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; saw {All.Count} other(s).");
        }
    }
}
