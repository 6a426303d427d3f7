using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Threading.Channels;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Testing.Internal;

/// <summary>
/// The server's side of one client connection: negotiates the stream (SASL PLAIN, resource binding), then hands each
/// stanza to the <see cref="Router"/>. What the server sends goes through a bounded outbox written by its own task,
/// so routing never waits for a slow client; a client that lets the outbox fill is disconnected.
/// </summary>
internal sealed partial class ServerSession
{
    /// <summary>How many elements may wait to be written to one client.</summary>
    private const int OutboxCapacity = 10_000;

    /// <summary>The largest element the server accepts, in characters.</summary>
    private const int MaxElementChars = 1024 * 1024;

    /// <summary>How many failed authentications end the stream.</summary>
    private const int MaxAuthFailures = 3;

    private readonly Router _router;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly ILogger _logger;
    private readonly Channel<string> _outbox = Channel.CreateBounded<string>(
        new BoundedChannelOptions(OutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ElementFramer _framer = new(MaxElementChars);
    private Stage _stage = Stage.AwaitingHeader;
    private int _authFailures;
    private int _closed;

    public ServerSession(Router router, PipeReader input, PipeWriter output, ILogger logger)
    {
        _router = router;
        _input = input;
        _output = output;
        _logger = logger;
    }

    private enum Stage
    {
        AwaitingHeader,
        AwaitingAuth,
        AwaitingRestart,
        AwaitingBind,
        Ready,
    }

    /// <summary>The account, once authenticated.</summary>
    public Account? Account { get; private set; }

    /// <summary>The bound full JID, once bound.</summary>
    public Jid FullJid { get; private set; }

    /// <summary>Whether the session sent available presence (and not unavailable since).</summary>
    public bool Available { get; set; }

    /// <summary>Whether the session ever sent presence (a session that never did still gets bare-JID messages).</summary>
    public bool SentPresence { get; set; }

    /// <summary>The priority of the last available presence.</summary>
    public int Priority { get; set; }

    /// <summary>The last available presence broadcast, as stamped.</summary>
    public XElement? LastPresence { get; set; }

    /// <summary>Whether the session asked for the roster (and so gets roster pushes, RFC 6121 §2.1.6).</summary>
    public bool Interested { get; set; }

    /// <summary>Completes when both the read and the write loop have ended.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = Task.WhenAll(Task.Run(ReadLoopAsync), Task.Run(WriteLoopAsync));

    /// <summary>Queues an element for the client; a client whose outbox is full is disconnected.</summary>
    public void Send(XElement element) => Send(StanzaParser.Serialize(element));

    private void Send(string text)
    {
        if (!_outbox.Writer.TryWrite(text) && Volatile.Read(ref _closed) == 0)
        {
            Log.OutboxFull(_logger, FullJid);
            Abort();
        }
    }

    /// <summary>Ends the stream: sends <c>&lt;/stream:stream&gt;</c> (after what is queued) and stops reading.</summary>
    public void Close(string? streamError = null)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        var end = streamError is null
            ? "</stream:stream>"
            : $"<stream:error><{streamError} xmlns='{Ns.StreamErrors.NamespaceName}'/></stream:error></stream:stream>";
        _outbox.Writer.TryWrite(end);
        _outbox.Writer.TryComplete();
        _input.CancelPendingRead();
    }

    /// <summary>Stops writing too: for a client that does not read what it was sent.</summary>
    public void Abort()
    {
        Close();
        _output.CancelPendingFlush();
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled || Volatile.Read(ref _closed) != 0)
                {
                    return;
                }

                foreach (var segment in result.Buffer)
                {
                    _framer.Append(segment.Span);
                }

                _input.AdvanceTo(result.Buffer.End);
                while (_framer.TryNext(out var frame))
                {
                    if (!Handle(frame))
                    {
                        return;
                    }
                }

                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception error) when (error is FormatException or XmlException)
        {
            Log.NotWellFormed(_logger, error.Message);
            Close("not-well-formed");
        }
        finally
        {
            _router.Unregister(this);
            Close();
            await _input.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var text in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                _output.Write(bytes);
                var flushed = await _output.FlushAsync().ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }
        }
        finally
        {
            Close();
            await _output.CompleteAsync().ConfigureAwait(false);
        }
    }
}
