using System.Net;
using System.Net.Sockets;

namespace Xmpp.Client.IntegrationTests.Faults;

/// <summary>
/// A TCP proxy on 127.0.0.1 for fault tests: every connection accepted on <see cref="EndPoint"/> is forwarded byte
/// for byte to the target (transparent to STARTTLS and TLS), until a test cuts it (<see cref="CutAllAsync"/>, or
/// <see cref="CutAfterAsync"/> at any byte), silences it (<see cref="BlackHole"/>), holds back what clients send
/// (<see cref="HoldUpstream"/>) or plays a server that is down (<see cref="RefuseNew"/>). A cut resets both sides (RST), so the client and the server see it at once.
/// Disposing closes the listener and every connection and waits until no copy loop is left.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly IPEndPoint _target;
    private readonly HashSet<ProxiedConnection> _connections = [];
    private readonly List<Task> _completions = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private TaskCompletionSource _accepted = NewSignal();
    private CutBudget? _armedCut;
    private volatile bool _blackHole;
    private volatile bool _refuseNew;
    private TaskCompletionSource? _upstreamHeld;
    private int _acceptedCount;
    private int _refusedCount;
    private int _cutCount;
    private long _forwardedBytes;
    private long _droppedBytes;
    private int _disposed;

    private FaultProxy(IPEndPoint target)
    {
        _target = target;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Starts a proxy listening on 127.0.0.1 (a free port) that forwards to <paramref name="target"/>.</summary>
    public static FaultProxy Start(IPEndPoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new FaultProxy(target);
    }

    /// <summary>Where clients connect: 127.0.0.1 and the port the proxy picked.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Connections open now (accepted and not closed yet).</summary>
    public int ActiveConnections
    {
        get
        {
            lock (_connections)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Connections accepted and forwarded since the start (refused ones do not count).</summary>
    public int AcceptedConnections => Volatile.Read(ref _acceptedCount);

    /// <summary>Connections closed at once because <see cref="RefuseNew"/> was on.</summary>
    public int RefusedConnections => Volatile.Read(ref _refusedCount);

    /// <summary>Connections the proxy cut (<see cref="CutAllAsync"/>, <see cref="CutAfterAsync"/>).</summary>
    public int Cuts => Volatile.Read(ref _cutCount);

    /// <summary>Bytes forwarded, both directions together.</summary>
    public long ForwardedBytes => Interlocked.Read(ref _forwardedBytes);

    /// <summary>Bytes read and thrown away (black hole, or past the budget of a cut), both directions together.</summary>
    public long DroppedBytes => Interlocked.Read(ref _droppedBytes);

    internal bool IsBlackHole => _blackHole;

    internal CutBudget? ArmedCut => Volatile.Read(ref _armedCut);

    /// <summary>
    /// On: connections stay open but nothing is forwarded any more, either way; what arrives is read and dropped
    /// (a peer that went silent). Off: forwarding resumes with the next bytes read (the dropped ones are lost).
    /// </summary>
    public void BlackHole(bool on) => _blackHole = on;

    /// <summary>
    /// On: what clients send is held in the proxy, not dropped (what was read waits; the rest waits in the sockets),
    /// while the server's bytes still reach them; the connections stay open. Off: the held bytes go on, in order.
    /// </summary>
    public void HoldUpstream(bool on)
    {
        if (on)
        {
            Interlocked.CompareExchange(ref _upstreamHeld, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);
        }
        else
        {
            Interlocked.Exchange(ref _upstreamHeld, null)?.TrySetResult();
        }
    }

    /// <summary>Completes when client bytes may go on (at once unless <see cref="HoldUpstream"/> is on).</summary>
    internal Task UpstreamReleased => Volatile.Read(ref _upstreamHeld)?.Task ?? Task.CompletedTask;

    /// <summary>On: new connections are accepted and reset at once (a server that is down); live ones are kept.</summary>
    public void RefuseNew(bool on) => _refuseNew = on;

    /// <summary>Resets every live connection, client and server side, and returns once they are closed.</summary>
    public async Task CutAllAsync()
    {
        foreach (var connection in Cut())
        {
            await connection.Completion;
        }
    }

    /// <summary>
    /// Arms a cut: after <paramref name="bytes"/> more bytes are forwarded (over every connection, both directions
    /// counted together, a write split if needed), every live connection is reset. Returns the cut's task: it
    /// completes once the connections are closed. Canceling <paramref name="cancellationToken"/> disarms the cut.
    /// Only one cut can be armed at a time.
    /// </summary>
    public Task CutAfterAsync(long bytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (bytes == 0)
        {
            return CutAllAsync();
        }

        var budget = new CutBudget(bytes);
        if (Interlocked.CompareExchange(ref _armedCut, budget, null) is not null)
        {
            throw new InvalidOperationException("A cut is armed already; await it (or cancel it) first.");
        }

        var registration = cancellationToken.Register(() => Disarm(budget, cancellationToken));
        _ = budget.Done.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        return budget.Done.Task;
    }

    /// <summary>Waits until <see cref="AcceptedConnections"/> reaches <paramref name="count"/> (e.g. a reconnect).</summary>
    public async Task WaitForConnectionsAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _accepted).Task;
            if (AcceptedConnections >= count)
            {
                return;
            }

            await signal.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops listening, resets every connection and waits until every copy loop has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener.Dispose();
        await _acceptLoop;
        HoldUpstream(false);
        Cut();
        // Every connection ever proxied, so a copy loop that failed unexpectedly fails the test here.
        await Task.WhenAll(_completions);
        Interlocked.Exchange(ref _armedCut, null)?.Done.TrySetCanceled();
        _stopping.Dispose();
    }

    internal void Counted(int forwarded, int dropped)
    {
        Interlocked.Add(ref _forwardedBytes, forwarded);
        Interlocked.Add(ref _droppedBytes, dropped);
    }

    /// <summary>Called by the copy loop that sent the last byte of <paramref name="budget"/>: cuts everything now.</summary>
    internal void Fire(CutBudget budget)
    {
        Cut();
        Interlocked.CompareExchange(ref _armedCut, null, budget);
        budget.Done.TrySetResult();
    }

    internal void Forget(ProxiedConnection connection)
    {
        lock (_connections)
        {
            _connections.Remove(connection);
        }
    }

    private List<ProxiedConnection> Cut()
    {
        List<ProxiedConnection> live;
        lock (_connections)
        {
            live = [.. _connections];
        }

        foreach (var connection in live)
        {
            if (connection.Abort())
            {
                Interlocked.Increment(ref _cutCount);
            }
        }

        return live;
    }

    private void Disarm(CutBudget budget, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _armedCut, null, budget) == budget)
        {
            budget.Done.TrySetCanceled(cancellationToken);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (_stopping.IsCancellationRequested
                && e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (_refuseNew)
            {
                Interlocked.Increment(ref _refusedCount);
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            var connection = new ProxiedConnection(this, client, _target.AddressFamily);
            // Registered and started under the lock, so a cut never sees a connection whose Completion is not set.
            Interlocked.Increment(ref _acceptedCount);
            lock (_connections)
            {
                _connections.Add(connection);
                connection.Start(_target);
                _completions.Add(connection.Completion);
            }

            Interlocked.Exchange(ref _accepted, NewSignal()).TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
