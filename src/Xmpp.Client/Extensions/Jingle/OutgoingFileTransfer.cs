using System.Globalization;
using System.Xml.Linq;
using Xmpp.Client.Extensions.Hashes;
using Xmpp.Client.Extensions.InBandBytestreams;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Jingle;

/// <summary>
/// A file this client offered (<see cref="JingleFileTransferExtension.OfferAsync"/>): waits for the peer to accept,
/// sends the bytes over an in-band bytestream while hashing them, sends the hash (XEP-0234 §8.1 checksum) and waits
/// for the receiver's verdict. Await it for the outcome.
/// </summary>
public sealed class OutgoingFileTransfer : FileTransfer
{
    private readonly Stream _content;
    private readonly bool _ownsContent;
    private readonly IProgress<long>? _progress;
    private readonly TaskCompletionSource<int> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _sentAll;

    internal OutgoingFileTransfer(
        JingleFileTransferExtension owner, Jid peer, string sid, int blockSize, FileDescription file, Stream content, bool ownsContent, IProgress<long>? progress)
        : base(owner, peer, sid, InBandBytestreamsExtension.NewSid(), blockSize, file)
    {
        _content = content;
        _ownsContent = ownsContent;
        _progress = progress;
    }

    /// <summary>Whether the peer accepted the offer.</summary>
    public bool IsAccepted => _accepted.Task.IsCompletedSuccessfully;

    /// <summary>The session-initiate to send.</summary>
    internal XElement Initiate(Jid self) =>
        JingleXml.Element("session-initiate", Sid, new XAttribute("initiator", self.ToString()), JingleXml.Content(File, TransportSid, BlockSize));

    private protected override bool SuccessExpected => _sentAll;

    internal override StanzaError? OnAction(string action, XElement jingle)
    {
        switch (action)
        {
            case "session-accept":
                var transport = jingle.Elements(JingleXml.Ns + "content").Elements(JingleXml.IbbNs + "transport").FirstOrDefault();
                if (transport is null || (string?)transport.Attribute("sid") != TransportSid)
                {
                    return new StanzaError(StanzaErrorCondition.BadRequest, "The accept must keep the offered IBB transport and its sid.");
                }

                var size = int.TryParse((string?)transport.Attribute("block-size"), NumberStyles.None, CultureInfo.InvariantCulture, out var agreed) && agreed > 0
                    ? Math.Min(agreed, BlockSize)
                    : BlockSize;
                return _accepted.TrySetResult(size)
                    ? null
                    : new StanzaError(StanzaErrorCondition.UnexpectedRequest) { ApplicationCondition = JingleXml.OutOfOrder };
            case "session-info":
                return null; // Ringing, received, or a ping (XEP-0166 §6.8): nothing to do.
            default:
                return new StanzaError(StanzaErrorCondition.FeatureNotImplemented, $"'{action}' is not supported in a file transfer over IBB.")
                {
                    ApplicationCondition = JingleXml.UnsupportedInfo,
                };
        }
    }

    private protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            int blockSize;
            try
            {
                blockSize = await _accepted.Task.WaitAsync(Owner.Options.AcceptTimeout, Owner.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException error)
            {
                throw new FileTransferException(FileTransferFailure.Timeout, $"{Peer} did not accept the file within {Owner.Options.AcceptTimeout}.", innerException: error);
            }

            BlockSize = blockSize;
            JingleLog.Accepted(Owner.Log, Sid, Peer.ToString());
            await SendAsync(cancellationToken).ConfigureAwait(false);
            _sentAll = true;
            (JingleReason Reason, string? Text) verdict;
            try
            {
                verdict = await Terminated.WaitAsync(Owner.Options.StepTimeout, Owner.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException error)
            {
                throw new FileTransferException(FileTransferFailure.Timeout, $"{Peer} did not confirm the file within {Owner.Options.StepTimeout}.", innerException: error);
            }

            if (verdict.Reason != JingleReason.Success)
            {
                throw FromPeer(verdict.Reason, verdict.Text);
            }

            JingleLog.Ended(Owner.Log, Sid, Peer.ToString(), "success", "the peer");
        }
        finally
        {
            if (_ownsContent)
            {
                await _content.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        InBandStream stream;
        try
        {
            stream = await Owner.Bytestreams.OpenAsync(Peer, TransportSid, BlockSize, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException or InBandBytestreamException)
        {
            throw new FileTransferException(FileTransferFailure.TransportFailed, $"The in-band bytestream to {Peer} could not be opened: {error.Message}", innerException: error);
        }

        Transport = stream;
        using var hasher = new ContentHasher(Owner.Options.HashAlgorithm);
        var buffer = new byte[BlockSize];
        long total = 0;
        while (true)
        {
            var read = await _content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            hasher.Append(buffer.AsSpan(0, read));
            try
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is InBandBytestreamException or XmppTimeoutException)
            {
                throw new FileTransferException(FileTransferFailure.TransportFailed, $"Sending the file to {Peer} failed: {error.Message}", innerException: error);
            }

            total += read;
            Count(read);
            _progress?.Report(total);
        }

        Hash = hasher.Finish();
        try
        {
            await Owner.SendJingleAsync(Peer, JingleXml.Element("session-info", Sid, JingleXml.Checksum(Hash)), cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error)
        {
            JingleLog.ChecksumRefused(Owner.Log, Sid, Peer.ToString(), error.Error.ToString());
        }

        await stream.DisposeAsync().ConfigureAwait(false); // The receiver checks the file at the close.
    }
}
