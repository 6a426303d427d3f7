namespace Xmpp.Client.Extensions.Jingle;

/// <summary>
/// A peer offers a file (XEP-0234 session-initiate), raised by <see cref="JingleFileTransferExtension.FileOffered"/>:
/// accept it into a stream or a path the application chooses, or decline it. Unanswered, it expires after
/// <see cref="JingleFileTransferOptions.AcceptTimeout"/>.
/// </summary>
/// <remarks>
/// The offered <see cref="FileDescription.Name"/> is the sender's text: it may hold slashes, <c>..</c> or anything.
/// The library never writes anywhere the application did not name; sanitise the name before using it in a path.
/// </remarks>
public sealed class IncomingFileOffer
{
    private readonly IncomingFileTransfer _transfer;
    private readonly XmppExtensionContext _context;

    internal IncomingFileOffer(IncomingFileTransfer transfer, XmppExtensionContext context)
    {
        _transfer = transfer;
        _context = context;
    }

    /// <summary>Who offers the file (a full JID).</summary>
    public Jid Sender => _transfer.Peer;

    /// <summary>The Jingle session id.</summary>
    public string Sid => _transfer.Sid;

    /// <summary>What the sender says about the file.</summary>
    public FileDescription File => _transfer.File;

    /// <summary>
    /// Accepts the file into <paramref name="destination"/>: the sender is told, and the transfer runs in the
    /// background; await the returned transfer for the outcome (the hash is checked at the end). The stream is not
    /// disposed by the transfer; on failure what was written stays written (discard it).
    /// </summary>
    /// <param name="destination">Where the bytes go (written sequentially).</param>
    /// <param name="progress">Gets the bytes received so far.</param>
    /// <param name="cancellationToken">Cancels the transfer (the sender gets <c>cancel</c>).</param>
    /// <returns>The running transfer.</returns>
    /// <exception cref="FileTransferException">The sender cancelled meanwhile, or refused the accept.</exception>
    /// <exception cref="InvalidOperationException">The offer was already answered, or expired.</exception>
    public async Task<IncomingFileTransfer> AcceptAsync(Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await _transfer.AcceptAsync(destination, ownsDestination: false, progress, _context, cancellationToken).ConfigureAwait(false);
        return _transfer;
    }

    /// <summary>
    /// Accepts the file into a new file at <paramref name="path"/> (which must not exist yet): otherwise like
    /// <see cref="AcceptAsync(Stream, IProgress{long}?, CancellationToken)"/>. The file is closed when the transfer ends.
    /// </summary>
    /// <param name="path">The file to create, chosen by the application (never derived from the offer by the library).</param>
    /// <param name="progress">Gets the bytes received so far.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The running transfer.</returns>
    /// <exception cref="IOException">The file exists or cannot be created.</exception>
    /// <exception cref="FileTransferException">The sender cancelled meanwhile, or refused the accept.</exception>
    /// <exception cref="InvalidOperationException">The offer was already answered, or expired.</exception>
    public async Task<IncomingFileTransfer> AcceptAsync(string path, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await _transfer.AcceptAsync(file, ownsDestination: true, progress, _context, cancellationToken).ConfigureAwait(false);
        return _transfer;
    }

    /// <summary>Declines the offer (the sender gets <c>decline</c>).</summary>
    /// <returns>Whether it was still pending (an offer already answered, or cancelled by the sender, is left alone).</returns>
    public Task<bool> DeclineAsync() => _transfer.DeclineAsync(JingleReason.Decline, null);
}
