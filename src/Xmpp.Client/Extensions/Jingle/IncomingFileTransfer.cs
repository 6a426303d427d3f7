using System.Xml.Linq;
using Xmpp.Client.Extensions.Hashes;
using Xmpp.Client.Extensions.InBandBytestreams;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Jingle;

/// <summary>
/// A file a peer offered, once accepted (<see cref="IncomingFileOffer.AcceptAsync(Stream, IProgress{long}?, CancellationToken)"/>):
/// receives the bytes into the destination while hashing them, checks size and hash, and tells the sender the
/// verdict (session-terminate <c>success</c> or <c>media-error</c>). Await it for the outcome.
/// </summary>
public sealed class IncomingFileTransfer : FileTransfer
{
    private const int Pending = 0;
    private const int Accepted = 1;
    private const int Ended = 2;

    private readonly TaskCompletionSource<ContentHash> _checksum = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Stream? _destination;
    private bool _ownsDestination;
    private IProgress<long>? _progress;
    private Task<InBandStream>? _opened;
    private int _state;

    internal IncomingFileTransfer(JingleFileTransferExtension owner, Jid peer, string sid, string transportSid, int blockSize, FileDescription file)
        : base(owner, peer, sid, transportSid, blockSize, file)
    {
    }

    /// <summary>Whether the received bytes were checked against a hash the sender gave (in the offer or at the end); without one they cannot be.</summary>
    public bool HashVerified { get; private set; }

    /// <summary>Whether the offer still waits for an answer here.</summary>
    internal bool IsPending => Volatile.Read(ref _state) == Pending;

    /// <summary>Accepts: expects the bytestream, sends session-accept, then receives in the background.</summary>
    internal async Task AcceptAsync(Stream destination, bool ownsDestination, IProgress<long>? progress, XmppExtensionContext context, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Accepted, Pending) != Pending)
        {
            if (Terminated.IsCompleted)
            {
                var (reason, text) = await Terminated.ConfigureAwait(false);
                throw FromPeer(reason, text);
            }

            throw new InvalidOperationException("The offer was already accepted or declined, or it expired.");
        }

        (_destination, _ownsDestination, _progress) = (destination, ownsDestination, progress);
        _opened = Owner.Bytestreams.Expect(Peer, TransportSid, BlockSize);
        var accept = JingleXml.Element("session-accept", Sid, new XAttribute("responder", (Owner.Self).ToString()), JingleXml.Content(File, TransportSid, BlockSize));
        try
        {
            await Owner.SendJingleAsync(Peer, accept, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException or OperationCanceledException)
        {
            Owner.Bytestreams.Unexpect(Peer, TransportSid);
            Volatile.Write(ref _state, Ended);
            if (ownsDestination)
            {
                await destination.DisposeAsync().ConfigureAwait(false);
            }

            var failure = error is XmppIqErrorException refused
                ? new FileTransferException(FileTransferFailure.Refused, $"{Peer} refused the accept: {refused.Error}", innerException: error)
                : null;
            EndWithoutRunning(failure);
            if (failure is null)
            {
                throw;
            }

            throw failure;
        }

        JingleLog.Accepted(Owner.Log, Sid, Peer.ToString());
        Start(context, cancellationToken);
    }

    /// <summary>Declines, or ends the offer for another reason, while it is pending.</summary>
    internal async Task<bool> DeclineAsync(JingleReason reason, string? text)
    {
        if (Interlocked.CompareExchange(ref _state, Ended, Pending) != Pending)
        {
            return false;
        }

        await Owner.TerminateAsync(this, reason, text).ConfigureAwait(false);
        EndWithoutRunning(reason == JingleReason.Timeout
            ? new FileTransferException(FileTransferFailure.Timeout, $"The offer from {Peer} was not accepted within {Owner.Options.AcceptTimeout}.")
            : null);
        return true;
    }

    internal override StanzaError? OnAction(string action, XElement jingle)
    {
        if (action == "session-accept")
        {
            return new StanzaError(StanzaErrorCondition.UnexpectedRequest, "Only the responder accepts a session.") { ApplicationCondition = JingleXml.OutOfOrder };
        }

        if (action != "session-info")
        {
            return new StanzaError(StanzaErrorCondition.FeatureNotImplemented, $"'{action}' is not supported in a file transfer over IBB.")
            {
                ApplicationCondition = JingleXml.UnsupportedInfo,
            };
        }

        var hash = jingle.Element(JingleXml.FileNs + "checksum")?.Element(JingleXml.FileNs + "file")?.Elements(ContentHash.ElementName).FirstOrDefault();
        if (hash is not null)
        {
            try
            {
                _checksum.TrySetResult(ContentHash.FromXElement(hash));
            }
            catch (FormatException)
            {
                return new StanzaError(StanzaErrorCondition.BadRequest, "The checksum's hash is not readable (XEP-0300).");
            }
        }

        return null;
    }

    private protected override void OnTerminatedBeforeRunning(JingleReason reason, string? text)
    {
        if (Interlocked.CompareExchange(ref _state, Ended, Pending) == Pending)
        {
            JingleLog.Ended(Owner.Log, Sid, Peer.ToString(), JingleReasons.ToName(reason), "the peer");
            EndWithoutRunning(reason == JingleReason.Gone
                ? new FileTransferException(FileTransferFailure.SessionEnded, "The client's session ended before the offer was answered.")
                : FromPeer(reason, text));
        }
    }

    private protected override async Task CancelPendingAsync()
    {
        await DeclineAsync(JingleReason.Cancel, null).ConfigureAwait(false);
    }

    private protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var destination = _destination!;
        try
        {
            InBandStream stream;
            try
            {
                stream = await _opened!.WaitAsync(Owner.Options.StepTimeout, Owner.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException error)
            {
                throw new FileTransferException(FileTransferFailure.TransportFailed, $"{Peer} did not open the in-band bytestream within {Owner.Options.StepTimeout}.", innerException: error);
            }

            Transport = stream;
            using var hashers = new Hashers(File.Hash?.Algorithm);
            await ReceiveAsync(stream, destination, hashers, cancellationToken).ConfigureAwait(false);
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            await VerifyAsync(hashers, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Owner.Bytestreams.Unexpect(Peer, TransportSid);
            if (_ownsDestination)
            {
                await destination.DisposeAsync().ConfigureAwait(false);
            }
        }

        await Owner.TerminateAsync(this, JingleReason.Success, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReceiveAsync(InBandStream stream, Stream destination, Hashers hashers, CancellationToken cancellationToken)
    {
        var limit = File.Size ?? Owner.Options.MaxFileSize;
        var buffer = new byte[Math.Max(BlockSize, 4096)];
        long total = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (total > limit)
            {
                throw new FileTransferException(FileTransferFailure.SizeMismatch, $"{Peer} sent more than the {limit} bytes offered.");
            }

            hashers.Append(buffer.AsSpan(0, read));
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            Count(read);
            _progress?.Report(total);
        }

        if (File.Size is { } size && total != size)
        {
            throw new FileTransferException(FileTransferFailure.SizeMismatch, $"{Peer} sent {total} bytes of a file offered as {size} bytes.");
        }
    }

    private async Task VerifyAsync(Hashers hashers, CancellationToken cancellationToken)
    {
        var expected = File.Hash;
        if (expected is null)
        {
            try
            {
                expected = await _checksum.Task.WaitAsync(Owner.Options.StepTimeout, Owner.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                JingleLog.NoHash(Owner.Log, Sid, Peer.ToString());
            }
        }

        Hash = hashers.Finish(expected?.Algorithm ?? HashAlgorithms.Sha256);
        if (expected is null || Hash is null)
        {
            Hash ??= hashers.Finish(HashAlgorithms.Sha256);
            return;
        }

        if (!expected.Matches(Hash))
        {
            throw new FileTransferException(FileTransferFailure.HashMismatch, $"The file from {Peer} does not match its hash: {expected} was offered, {Hash} arrived.");
        }

        HashVerified = true;
    }
}
