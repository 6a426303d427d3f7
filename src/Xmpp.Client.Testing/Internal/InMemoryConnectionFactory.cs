using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Testing.Internal;

/// <summary>Connects clients to the in-memory server: a pair of pipes per connection, with a server session on the far end.</summary>
internal sealed class InMemoryConnectionFactory : XmppConnectionFactory
{
    /// <summary>How much one direction of a connection buffers before the writer waits.</summary>
    private static readonly PipeOptions Options = new(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024, useSynchronizationContext: false);

    private readonly Router _router;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<ServerSession, byte> _sessions = new();
    private volatile bool _closed;

    public InMemoryConnectionFactory(Router router, ILogger logger)
    {
        _router = router;
        _logger = logger;
    }

    public override ValueTask<Stream> ConnectAsync(string domain, string? redirect, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_closed)
        {
            throw new XmppConnectException(domain, [new XmppConnectAttempt("in-memory server", "the server was disposed")]);
        }

        if (!string.Equals(domain, _router.Domain, StringComparison.OrdinalIgnoreCase))
        {
            throw new XmppConnectException(domain, [new XmppConnectAttempt("in-memory server", $"the server only serves '{_router.Domain}'")]);
        }

        var toServer = new Pipe(Options);
        var toClient = new Pipe(Options);
        var session = new ServerSession(_router, toServer.Reader, toClient.Writer, _logger);
        _sessions[session] = 0;
        session.Start();
        _ = session.Completion.ContinueWith(_ => _sessions.TryRemove(session, out byte _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return ValueTask.FromResult<Stream>(new PipeStream(toClient.Reader, toServer.Writer));
    }

    /// <summary>Refuses new connections and ends every stream: politely, then (after <paramref name="grace"/>) abruptly.</summary>
    public async Task CloseAsync(TimeSpan grace)
    {
        _closed = true;
        var sessions = _sessions.Keys.ToList();
        foreach (var session in sessions)
        {
            session.Close();
        }

        var all = Task.WhenAll(sessions.Select(session => session.Completion));
        if (await Task.WhenAny(all, Task.Delay(grace)).ConfigureAwait(false) != all)
        {
            foreach (var session in sessions)
            {
                session.Abort();
            }
        }

        await all.ConfigureAwait(false);
    }
}
