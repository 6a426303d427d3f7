using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Extensions.Hashes;
using Xmpp.Client.Extensions.InBandBytestreams;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Jingle;

/// <summary>
/// Direct file transfer: Jingle (XEP-0166) sessions with a file-transfer description (XEP-0234) over in-band
/// bytestreams (XEP-0261 / XEP-0047), with the content's hash (XEP-0300) checked on arrival. Offer a file to a full
/// JID with <see cref="OfferAsync"/> or <see cref="OfferFileAsync"/>; answer offers in <see cref="FileOffered"/>.
/// </summary>
/// <remarks>
/// <para>The sender hashes while sending and sends the hash in a checksum session-info (XEP-0234 §8.1) before closing
/// the bytestream (or in the offer, when the application gives it); the receiver hashes while receiving and ends
/// the session with <c>success</c> when size and hash match, <c>media-error</c> when not. Offers over
/// <see cref="JingleFileTransferOptions.MaxFileSize"/> are declined, and at most
/// <see cref="JingleFileTransferOptions.MaxSessions"/> transfers exist at once. Jingle actions are accepted only
/// from the session's peer (others get <c>unknown-session</c>).</para>
/// <para>Requires <see cref="InBandBytestreamsExtension"/> (added when missing). Announces <c>urn:xmpp:jingle:1</c>,
/// <c>urn:xmpp:jingle:apps:file-transfer:5</c>, <c>urn:xmpp:jingle:transports:ibb:1</c> and <c>urn:xmpp:hashes:2</c>.
/// Thread-safe. Not in the default set: <c>Extensions = XmppExtensionSet.Default.Add&lt;JingleFileTransferExtension&gt;()</c>.</para>
/// </remarks>
public sealed class JingleFileTransferExtension : XmppExtension
{
    /// <summary>The XEP-0234 namespace, also its disco feature.</summary>
    public const string Namespace = JingleXml.FileTransferNamespace;

    private readonly ConcurrentDictionary<StreamKey, FileTransfer> _sessions = new(SmallMaps.ConcurrencyLevel, SmallMaps.Capacity);
    private InBandBytestreamsExtension? _bytestreams;

    /// <summary>Creates the extension with the default limits.</summary>
    public JingleFileTransferExtension()
        : this(new JingleFileTransferOptions())
    {
    }

    /// <summary>Creates the extension.</summary>
    /// <param name="options">Limits and timeouts.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public JingleFileTransferExtension(JingleFileTransferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validated();
    }

    /// <summary>Limits and timeouts.</summary>
    public JingleFileTransferOptions Options { get; }

    /// <summary>How many transfers exist (offered, pending or running, both ways).</summary>
    public int ActiveTransfers => _sessions.Count;

    /// <summary>
    /// Raised when a peer offers a file: call <see cref="IncomingFileOffer.AcceptAsync(Stream, IProgress{long}?, CancellationToken)"/>
    /// or <see cref="IncomingFileOffer.DeclineAsync"/> (now or later, within <see cref="JingleFileTransferOptions.AcceptTimeout"/>).
    /// Raised on the client's event task like the client's own events; without a handler every offer is declined.
    /// </summary>
    public event Func<IncomingFileOffer, Task>? FileOffered;

    internal InBandBytestreamsExtension Bytestreams => _bytestreams ?? throw new InvalidOperationException("The extension is not initialised.");

    internal ILogger Log => Context.Logger;

    internal TimeProvider Time => Context.TimeProvider;

    internal Jid Self => Client.BoundJid ?? Client.Options.Jid;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        _bytestreams = context.Require<InBandBytestreamsExtension>();
        context.AddFeature(JingleXml.Namespace);
        context.AddFeature(Namespace);
        context.AddFeature(JingleXml.IbbTransportNamespace);
        context.AddFeature(ContentHash.Namespace);
        context.AddFeature("urn:xmpp:hash-function-text-names:" + HashAlgorithms.Sha256);
        context.AddFeature("urn:xmpp:hash-function-text-names:" + HashAlgorithms.Sha512);
        context.HandleIq(JingleXml.Jingle, OnJingleAsync);
        context.OnNewSession(_ => EndAll());
    }

    /// <summary>
    /// Offers a file read from <paramref name="content"/> to <paramref name="to"/>: returns once the peer acknowledged
    /// the offer; the transfer then runs in the background — await it for the outcome.
    /// </summary>
    /// <param name="to">The receiver's full JID (a client's resource: Jingle does not go to bare JIDs).</param>
    /// <param name="content">The bytes, read from where it stands to its end (not disposed by the transfer).</param>
    /// <param name="file">What to tell the receiver: <see cref="FileDescription.Name"/> is required, <see cref="FileDescription.Size"/> is taken from a seekable stream when not given.</param>
    /// <param name="progress">Gets the bytes sent and acknowledged so far.</param>
    /// <param name="cancellationToken">Cancels the offer or the transfer (the peer gets <c>cancel</c>; the transfer is then cancelled).</param>
    /// <returns>The transfer.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is a bare JID, or the file has no name or no size.</exception>
    /// <exception cref="InvalidOperationException">As many transfers as <see cref="JingleFileTransferOptions.MaxSessions"/> exist, or the client is not connected.</exception>
    /// <exception cref="FileTransferException">The peer refused the offer (<see cref="FileTransferFailure.Refused"/>: it does not support file transfer, or is offline).</exception>
    public Task<OutgoingFileTransfer> OfferAsync(Jid to, Stream content, FileDescription file, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(file);
        return OfferCoreAsync(to, content, ownsContent: false, file, progress, cancellationToken);
    }

    /// <summary>
    /// Offers the file at <paramref name="path"/>: its name (without the directory), size and date go in the offer;
    /// otherwise like <see cref="OfferAsync"/>. The file is closed when the transfer ends.
    /// </summary>
    /// <param name="to">The receiver's full JID.</param>
    /// <param name="path">The file to send.</param>
    /// <param name="progress">Gets the bytes sent so far.</param>
    /// <param name="cancellationToken">Cancels the offer or the transfer.</param>
    /// <returns>The transfer.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is a bare JID.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FileTransferException">The peer refused the offer.</exception>
    public async Task<OutgoingFileTransfer> OfferFileAsync(Jid to, string path, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckFullJid(to);
        var info = new FileInfo(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        var file = new FileDescription { Name = info.Name, Size = stream.Length, Date = info.LastWriteTimeUtc };
        try
        {
            return await OfferCoreAsync(to, stream, ownsContent: true, file, progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends a Jingle request to the peer and waits for its acknowledgement.</summary>
    internal Task SendJingleAsync(Jid to, XElement jingle, CancellationToken cancellationToken) =>
        Client.SendIqAsync(new Iq(IqType.Set, jingle) { To = to }, cancellationToken);

    /// <summary>Ends a session with the peer; a failure to tell it (or a cancelled wait for its acknowledgement) is only logged.</summary>
    internal async Task TerminateAsync(FileTransfer transfer, JingleReason reason, string? text, CancellationToken cancellationToken = default)
    {
        Remove(transfer);
        var name = JingleReasons.ToName(reason);
        JingleLog.Ended(Log, transfer.Sid, transfer.Peer.ToString(), name, "us");
        if (Client.State != XmppClientState.Connected)
        {
            return;
        }

        try
        {
            await SendJingleAsync(transfer.Peer, JingleXml.Element("session-terminate", transfer.Sid, JingleXml.Reason(reason, text)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException or XmppConnectionLostException or InvalidOperationException or OperationCanceledException)
        {
            JingleLog.TerminateFailed(Log, name, transfer.Sid, transfer.Peer.ToString(), error.Message);
        }
    }

    /// <summary>Forgets a transfer that ended.</summary>
    internal void Remove(FileTransfer transfer) => _sessions.TryRemove(new(new(transfer.Peer, transfer.Sid), transfer));

    private static void CheckFullJid(Jid to)
    {
        if (to.IsBare)
        {
            throw new ArgumentException(
                $"A file is offered to a full JID (one client of the contact, such as {to}/phone), not the bare {to}: Jingle sessions are between two clients.", nameof(to));
        }
    }

    private async Task<OutgoingFileTransfer> OfferCoreAsync(Jid to, Stream content, bool ownsContent, FileDescription file, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        CheckFullJid(to);
        if (string.IsNullOrEmpty(file.Name))
        {
            throw new ArgumentException("The offered file needs a name (FileDescription.Name).", nameof(file));
        }

        if (file.Size is null)
        {
            file = content.CanSeek
                ? file with { Size = content.Length - content.Position }
                : throw new ArgumentException("The offered file needs a size (FileDescription.Size), or a seekable stream to take it from.", nameof(file));
        }

        if (_sessions.Count >= Options.MaxSessions)
        {
            throw new InvalidOperationException($"{Options.MaxSessions} file transfers are running (JingleFileTransferOptions.MaxSessions): wait for one to end.");
        }

        var transfer = new OutgoingFileTransfer(this, to, InBandBytestreamsExtension.NewSid(), Bytestreams.Options.BlockSize, file, content, ownsContent, progress);
        _sessions[new(to, transfer.Sid)] = transfer;
        JingleLog.Offering(Log, file.Name!, Size(file), to.ToString(), transfer.Sid);
        try
        {
            await SendJingleAsync(to, transfer.Initiate(Self), cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error)
        {
            Remove(transfer);
            throw new FileTransferException(FileTransferFailure.Refused, $"{to} refused the file offer: {error.Error}", innerException: error);
        }
        catch
        {
            Remove(transfer);
            throw;
        }

        transfer.Start(Context, cancellationToken);
        return transfer;
    }

    private async Task<Iq> OnJingleAsync(Iq request, CancellationToken cancellationToken)
    {
        var jingle = request.Payload!;
        var action = (string?)jingle.Attribute("action");
        var sid = IbbSid(jingle);
        if (request.From is not { IsBare: false } from || action is null || sid is null)
        {
            return request.CreateError(StanzaErrorCondition.BadRequest, "A Jingle request needs an action, a sid and a full JID as sender (XEP-0166 §7).");
        }

        if (action == "session-initiate")
        {
            return await InitiatedAsync(request, from, sid, jingle).ConfigureAwait(false);
        }

        if (!_sessions.TryGetValue(new(from, sid), out var transfer))
        {
            JingleLog.UnknownSession(Log, action, sid, from.ToString());
            return request.CreateError(new StanzaError(StanzaErrorCondition.ItemNotFound, "No such Jingle session.") { ApplicationCondition = JingleXml.UnknownSession });
        }

        if (action == "session-terminate")
        {
            var (reason, text) = JingleXml.ReasonOf(jingle);
            Remove(transfer);
            transfer.OnTerminated(reason, text);
            return request.CreateResult();
        }

        return transfer.OnAction(action, jingle) is { } error ? request.CreateError(error) : request.CreateResult();
    }

    private async Task<Iq> InitiatedAsync(Iq request, Jid from, string sid, XElement jingle)
    {
        if (_sessions.ContainsKey(new(from, sid)))
        {
            return request.CreateError(StanzaErrorCondition.Conflict, "That Jingle session id is in use.");
        }

        if (_sessions.Count >= Options.MaxSessions)
        {
            JingleLog.Refused(Log, sid, from.ToString(), "too many sessions");
            return request.CreateError(new StanzaError(StanzaErrorCondition.ResourceConstraint, "Too many file transfers are running.", StanzaErrorType.Wait));
        }

        var content = jingle.Element(JingleXml.Ns + "content");
        if (content is null)
        {
            return request.CreateError(StanzaErrorCondition.BadRequest, "A session-initiate needs a content (XEP-0166 §7.2.10).");
        }

        var file = content.Element(JingleXml.FileNs + "description")?.Element(JingleXml.FileNs + "file");
        var transport = content.Element(JingleXml.IbbNs + "transport");
        var transportSid = transport is null ? null : IbbSid(transport);
        var blockSize = transport is null ? null : BlockSize(transport);
        var refusal = file is null ? JingleReason.UnsupportedApplications : transport is null ? JingleReason.UnsupportedTransports : (JingleReason?)null;
        if (refusal is null && (transportSid is null || blockSize is null))
        {
            return request.CreateError(StanzaErrorCondition.BadRequest, "The IBB transport needs a sid and a block-size from 1 to 65535 (XEP-0261).");
        }

        var description = file is null ? new FileDescription() : FileDescription.FromXElement(file);
        var transfer = new IncomingFileTransfer(this, from, sid, transportSid ?? sid, Math.Min(blockSize ?? 1, Bytestreams.Options.MaxBlockSize), description);
        _sessions[new(from, sid)] = transfer;
        if (refusal is { } unsupported)
        {
            Decline(transfer, unsupported, "Only file transfer (XEP-0234) over in-band bytestreams (XEP-0261) is supported.");
            return request.CreateResult();
        }

        JingleLog.Offered(Log, from.ToString(), description.Name ?? string.Empty, Size(description), sid);
        if (description.Size > Options.MaxFileSize)
        {
            Decline(transfer, JingleReason.Decline, $"The file is larger than the {Options.MaxFileSize} bytes accepted.");
            return request.CreateResult();
        }

        Context.RunInBackground(async token =>
        {
            await Task.Delay(Options.AcceptTimeout, Time, token).ConfigureAwait(false);
            await transfer.DeclineAsync(JingleReason.Timeout, "The offer was not accepted in time.").ConfigureAwait(false);
        });
        if (FileOffered is null)
        {
            Decline(transfer, JingleReason.Decline, null);
            return request.CreateResult();
        }

        await Context.RaiseAsync(FileOffered, new IncomingFileOffer(transfer, Context), nameof(FileOffered)).ConfigureAwait(false);
        return request.CreateResult();
    }

    /// <summary>Declines in the background, so the acknowledgement of the offer goes first.</summary>
    private void Decline(IncomingFileTransfer transfer, JingleReason reason, string? text)
    {
        JingleLog.Refused(Log, transfer.Sid, transfer.Peer.ToString(), JingleReasons.ToName(reason));
        Context.RunInBackground(_ => transfer.DeclineAsync(reason, text));
    }

    private void EndAll()
    {
        foreach (var transfer in _sessions.Values)
        {
            transfer.SessionLost();
        }
    }

    private static string? IbbSid(XElement element) =>
        (string?)element.Attribute("sid") is { Length: > 0 and <= 256 } sid ? sid : null;

    private static int? BlockSize(XElement transport) =>
        int.TryParse((string?)transport.Attribute("block-size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= ushort.MaxValue
            ? size
            : null;

    private static string Size(FileDescription file) => file.Size?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
