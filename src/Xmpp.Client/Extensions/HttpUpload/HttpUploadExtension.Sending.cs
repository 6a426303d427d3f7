using Xmpp.Client.Extensions.OutOfBand;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>Sending an uploaded file to someone: a message with the URL as body and as out of band data (XEP-0066).</summary>
public sealed partial class HttpUploadExtension
{
    /// <summary>
    /// Uploads a file (<see cref="UploadFileAsync"/>) and sends <paramref name="to"/> a message whose body is the GET URL,
    /// with <c>&lt;x xmlns='jabber:x:oob'&gt;&lt;url/&gt;&lt;/x&gt;</c> (see <see cref="CreateFileMessage"/>), the way
    /// other clients show it as the file itself.
    /// </summary>
    /// <param name="to">The recipient.</param>
    /// <param name="path">The file.</param>
    /// <param name="contentType">Its media type; <see langword="null"/> for <see cref="DefaultContentType"/>.</param>
    /// <param name="progress">Told the number of bytes sent so far.</param>
    /// <param name="cancellationToken">Stops the upload (once the message is sent, it is sent).</param>
    /// <returns>The GET URL.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="HttpUploadException">The upload failed; the subclass says why.</exception>
    /// <exception cref="XmppTimeoutException">The service or the HTTP server did not answer in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Uri> SendFileAsync(Jid to, string path, string? contentType = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var url = await UploadFileAsync(path, contentType, progress, cancellationToken).ConfigureAwait(false);
        await Client.SendAsync(CreateFileMessage(to, url), cancellationToken).ConfigureAwait(false);
        return url;
    }

    /// <summary>Uploads the content of a stream (<see cref="UploadAsync"/>) and sends <paramref name="to"/> the URL, like <see cref="SendFileAsync(Jid, string, string?, IProgress{long}?, CancellationToken)"/>.</summary>
    /// <param name="to">The recipient.</param>
    /// <param name="content">The bytes, read from the current position; the stream is not closed.</param>
    /// <param name="fileName">The file's name, without directories.</param>
    /// <param name="size">How many bytes; <see langword="null"/> for the rest of a seekable stream.</param>
    /// <param name="contentType">Its media type; <see langword="null"/> for <see cref="DefaultContentType"/>.</param>
    /// <param name="progress">Told the number of bytes sent so far.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The GET URL.</returns>
    /// <exception cref="HttpUploadException">The upload failed; the subclass says why.</exception>
    /// <exception cref="XmppTimeoutException">The service or the HTTP server did not answer in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Uri> SendFileAsync(Jid to, Stream content, string fileName, long? size = null, string? contentType = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var url = await UploadAsync(content, fileName, size, contentType, progress, cancellationToken).ConfigureAwait(false);
        await Client.SendAsync(CreateFileMessage(to, url), cancellationToken).ConfigureAwait(false);
        return url;
    }

    /// <summary>A message sharing an uploaded file: the URL alone as body, and as <c>&lt;x xmlns='jabber:x:oob'&gt;&lt;url/&gt;&lt;/x&gt;</c>.</summary>
    /// <param name="to">The recipient (a room's bare JID with <see cref="MessageType.Groupchat"/>).</param>
    /// <param name="url">The GET URL.</param>
    /// <param name="type">The message's type.</param>
    /// <returns>The message, to send (or change first).</returns>
    public static Message CreateFileMessage(Jid to, Uri url, MessageType type = MessageType.Chat)
    {
        ArgumentNullException.ThrowIfNull(url);
        var message = new Message(to, url.AbsoluteUri, type);
        message.AddPayload(new OutOfBandData(url));
        return message;
    }
}
