using System.Collections.Concurrent;

namespace Xmpp.Client.Tests.Support;

/// <summary>Records a client's state changes and reconnections, and waits for them.</summary>
internal sealed class StateRecorder
{
    private readonly ConcurrentQueue<XmppClientStateChangedEventArgs> _changes = new();
    private readonly ConcurrentQueue<XmppReconnectedEventArgs> _reconnections = new();
    private readonly SemaphoreSlim _signal = new(0);

    public StateRecorder(XmppClient client)
    {
        client.StateChanged += change =>
        {
            _changes.Enqueue(change);
            _signal.Release();
            return Task.CompletedTask;
        };
        client.Reconnected += reconnected =>
        {
            _reconnections.Enqueue(reconnected);
            _signal.Release();
            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<XmppClientStateChangedEventArgs> Changes => _changes.ToArray();

    public IReadOnlyList<XmppReconnectedEventArgs> Reconnections => _reconnections.ToArray();

    public IReadOnlyList<XmppClientState> States => _changes.Select(change => change.State).ToArray();

    /// <summary>Waits until the <paramref name="count"/>th change to <paramref name="state"/> and returns it.</summary>
    public async Task<XmppClientStateChangedEventArgs> WaitForAsync(XmppClientState state, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var matches = _changes.Where(change => change.State == state).ToArray();
            if (matches.Length >= count)
            {
                return matches[count - 1];
            }

            await _signal.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Waits until the <paramref name="count"/>th reconnection.</summary>
    public async Task<XmppReconnectedEventArgs> WaitForReconnectionAsync(int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var all = _reconnections.ToArray();
            if (all.Length >= count)
            {
                return all[count - 1];
            }

            await _signal.WaitAsync(timeout.Token);
        }
    }
}
