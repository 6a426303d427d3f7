using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Xmpp.Client.Extensions.Hashes;
using Xmpp.Client.Extensions.InBandBytestreams;

namespace Xmpp.Client.Extensions.Jingle;

/// <summary>
/// One file transfer over Jingle (XEP-0234 over XEP-0261), either way: await it (or <see cref="Completion"/>) for the
/// outcome. It completes when the file arrived and matched its hash, is cancelled when this side cancelled, and fails
/// with a <see cref="FileTransferException"/> saying how otherwise.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The stop source is disposed when the run ends; one that never ran holds no timer or registration.")]
public abstract class FileTransfer
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<(JingleReason Reason, string? Text)> _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private long _bytes;
    private int _cancelledHere;
    private int _sessionLost;

    private protected FileTransfer(JingleFileTransferExtension owner, Jid peer, string sid, string transportSid, int blockSize, FileDescription file)
    {
        Owner = owner;
        Peer = peer;
        Sid = sid;
        TransportSid = transportSid;
        BlockSize = blockSize;
        File = file;
    }

    /// <summary>The other party's full JID.</summary>
    public Jid Peer { get; }

    /// <summary>The Jingle session id.</summary>
    public string Sid { get; }

    /// <summary>The file as offered.</summary>
    public FileDescription File { get; }

    /// <summary>How many bytes were sent (acknowledged) or received so far.</summary>
    public long BytesTransferred => Interlocked.Read(ref _bytes);

    /// <summary>The hash computed over the bytes sent or received, once they all were.</summary>
    public ContentHash? Hash { get; private protected set; }

    /// <summary>
    /// Completes when the transfer succeeded; cancelled when this side cancelled it; fails with a
    /// <see cref="FileTransferException"/> otherwise.
    /// </summary>
    public Task Completion => _done.Task;

    private protected JingleFileTransferExtension Owner { get; }

    private protected string TransportSid { get; }

    private protected int BlockSize { get; set; }

    /// <summary>The open bytestream, closed when the run ended (after any session-terminate this side sends).</summary>
    private protected InBandStream? Transport { get; set; }

    /// <summary>What the peer's session-terminate said, once it came.</summary>
    private protected Task<(JingleReason Reason, string? Text)> Terminated => _terminated.Task;

    /// <summary>Lets <c>await transfer</c> wait for <see cref="Completion"/>.</summary>
    /// <returns>The awaiter of <see cref="Completion"/>.</returns>
    public TaskAwaiter GetAwaiter() => Completion.GetAwaiter();

    /// <summary>
    /// Cancels the transfer: the peer gets a session-terminate with <c>cancel</c>, and <see cref="Completion"/> is
    /// cancelled (unless the transfer ended first).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the transfer to wind down.</param>
    /// <returns>Completes when the transfer ended.</returns>
    public async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _cancelledHere, 1);
        await CancelPendingAsync().ConfigureAwait(false);
        _stop.Cancel();
        try
        {
            await Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or FileTransferException)
        {
            // The outcome is the transfer's to report; cancelling only waits for it.
        }
    }

    /// <summary>Runs the transfer in the background, ending <see cref="Completion"/> with its outcome.</summary>
    internal void Start(XmppExtensionContext context, CancellationToken cancellationToken) => context.RunInBackground(async disposing =>
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(disposing, cancellationToken, _stop.Token);
        try
        {
            await RunAsync(linked.Token).ConfigureAwait(false);
            _done.TrySetResult();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            await EndAsync(error, cancellationToken, disposing).ConfigureAwait(false);
        }
        finally
        {
            if (Transport is { } transport)
            {
                // After the terminate, so the peer learns why first; not waited for past the client's disposal.
                await transport.CloseAsync(disposing).ConfigureAwait(false);
                await transport.DisposeAsync().ConfigureAwait(false);
            }

            Owner.Remove(this);
            _stop.Dispose();
        }
    });

    /// <summary>Ends a transfer that never started running (the offer was declined here, or refused).</summary>
    internal void EndWithoutRunning(Exception? outcome)
    {
        if (outcome is null)
        {
            _done.TrySetCanceled();
        }
        else
        {
            _done.TrySetException(outcome);
        }

        Owner.Remove(this);
    }

    /// <summary>The peer ended the session.</summary>
    internal void OnTerminated(JingleReason reason, string? text)
    {
        if (_terminated.TrySetResult((reason, text)) && !(reason == JingleReason.Success && SuccessExpected))
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended meanwhile.
            }

            OnTerminatedBeforeRunning(reason, text);
        }
    }

    /// <summary>The client's session ended without resumption: the transfer cannot go on.</summary>
    internal void SessionLost()
    {
        Interlocked.Exchange(ref _sessionLost, 1);
        OnTerminatedBeforeRunning(JingleReason.Gone, "the client's session ended");
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended meanwhile.
        }

        Owner.Remove(this);
    }

    /// <summary>Handles a Jingle action of this session other than session-initiate and session-terminate.</summary>
    internal abstract Stanzas.StanzaError? OnAction(string action, XElement jingle);

    /// <summary>The transfer itself, once agreed.</summary>
    private protected abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Whether a session-terminate with success is the end this side waits for (then it does not stop the run).</summary>
    private protected virtual bool SuccessExpected => false;

    /// <summary>A pending offer ended by the peer before it ran; the run (if any) ends by itself.</summary>
    private protected virtual void OnTerminatedBeforeRunning(JingleReason reason, string? text)
    {
    }

    /// <summary>A pending offer cancelled here before it ran.</summary>
    private protected virtual Task CancelPendingAsync() => Task.CompletedTask;

    private protected void Count(long bytes) => Interlocked.Add(ref _bytes, bytes);

    /// <summary>The failure a peer's reason means.</summary>
    internal static FileTransferException FromPeer(JingleReason reason, string? text)
    {
        var failure = reason switch
        {
            JingleReason.Decline or JingleReason.Busy => FileTransferFailure.Declined,
            JingleReason.Cancel => FileTransferFailure.CancelledByPeer,
            JingleReason.MediaError => FileTransferFailure.HashMismatch,
            JingleReason.FailedTransport or JingleReason.ConnectivityError or JingleReason.UnsupportedTransports => FileTransferFailure.TransportFailed,
            JingleReason.Timeout or JingleReason.Expired => FileTransferFailure.Timeout,
            _ => FileTransferFailure.PeerError,
        };
        var said = text is null ? string.Empty : $" (\"{text}\")";
        return new FileTransferException(failure, $"The peer ended the file transfer with '{JingleReasons.ToName(reason)}'{said}.", reason);
    }

    private async Task EndAsync(Exception error, CancellationToken callerToken, CancellationToken disposing)
    {
        if (Volatile.Read(ref _sessionLost) == 0 && _terminated.Task.IsCompleted && error is OperationCanceledException or InBandBytestreamException)
        {
            var (reason, text) = _terminated.Task.Result;
            if (reason == JingleReason.Success && SuccessExpected)
            {
                _done.TrySetResult();
                return;
            }

            _done.TrySetException(FromPeer(reason, text));
            return;
        }

        if (error is FileTransferException { PeerReason: { } peerReason } fromPeer)
        {
            JingleLog.Ended(Owner.Log, Sid, Peer.ToString(), JingleReasons.ToName(peerReason), "the peer");
            _done.TrySetException(fromPeer);
            return;
        }

        if (error is OperationCanceledException && (callerToken.IsCancellationRequested || Volatile.Read(ref _cancelledHere) != 0))
        {
            _done.TrySetCanceled(callerToken.IsCancellationRequested ? callerToken : CancellationToken.None);
            await Owner.TerminateAsync(this, JingleReason.Cancel, null, disposing).ConfigureAwait(false);
            return;
        }

        if (disposing.IsCancellationRequested || Volatile.Read(ref _sessionLost) != 0)
        {
            _done.TrySetException(new FileTransferException(FileTransferFailure.SessionEnded, "The client was disposed, or its session ended, during the file transfer.", innerException: error));
            return;
        }

        var failure = error as FileTransferException ?? new FileTransferException(
            error is InBandBytestreamException or XmppIqErrorException ? FileTransferFailure.TransportFailed : FileTransferFailure.SessionEnded,
            $"The file transfer failed: {error.Message}",
            innerException: error);
        var ours = failure.Failure switch
        {
            FileTransferFailure.HashMismatch or FileTransferFailure.SizeMismatch => JingleReason.MediaError,
            FileTransferFailure.TransportFailed => JingleReason.FailedTransport,
            FileTransferFailure.Timeout => JingleReason.Timeout,
            _ => JingleReason.GeneralError,
        };
        _done.TrySetException(failure); // The outcome does not wait for the peer's acknowledgement of the terminate.
        await Owner.TerminateAsync(this, ours, failure.Message, disposing).ConfigureAwait(false);
    }
}
