using System.Net.Http.Headers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>Asking the service for a slot (XEP-0363 §4, §5).</summary>
public sealed partial class HttpUploadExtension
{
    /// <summary>
    /// Asks the account's upload service for a slot for a file: the URL to PUT it to, with the headers to send, and the
    /// URL it can be fetched from. The slot is checked (see the remarks of <see cref="HttpUploadExtension"/>). Use
    /// <see cref="UploadAsync"/> to do the whole upload.
    /// </summary>
    /// <param name="fileName">The file's name, without directories (the service usually keeps it in the URLs).</param>
    /// <param name="size">The file's size in bytes: the PUT must send exactly this many.</param>
    /// <param name="contentType">The file's media type, such as <c>image/jpeg</c>; <see langword="null"/> for
    /// <see cref="DefaultContentType"/>. The PUT must send the same one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The slot.</returns>
    /// <exception cref="ArgumentException">The name is empty or holds a directory separator or a control character,
    /// the size is negative, or the content type is not a media type.</exception>
    /// <exception cref="HttpUploadServiceNotFoundException">The server offers no upload service.</exception>
    /// <exception cref="HttpUploadFileTooLargeException">The file is over the limit the service announces (checked
    /// before asking), or the service refused it as too large.</exception>
    /// <exception cref="HttpUploadSlotRefusedException">The service refused the slot for another reason.</exception>
    /// <exception cref="HttpUploadException">The slot the service gave cannot be used.</exception>
    /// <exception cref="XmppTimeoutException">The service did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<HttpUploadSlot> RequestSlotAsync(string fileName, long size, string? contentType = null, CancellationToken cancellationToken = default)
    {
        CheckFileName(fileName);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var type = CheckContentType(contentType);
        var service = await GetServiceAsync(cancellationToken).ConfigureAwait(false);
        if (service.MaxFileSize is { } max && size > max)
        {
            throw new HttpUploadFileTooLargeException(size, max);
        }

        Iq reply;
        try
        {
            var request = new Iq(IqType.Get, HttpUploadXml.RequestElement(fileName, size, type)) { To = service.Jid };
            reply = await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException refusal)
        {
            HttpUploadLog.SlotRefused(Context.Logger, service.Jid.ToString(), refusal.Error.ToString());
            throw HttpUploadXml.FromRefusal(service.Jid, size, refusal.Error,
                stamp => HttpUploadLog.UnreadableRetry(Context.Logger, service.Jid.ToString(), stamp));
        }

        var slot = reply.GetPayload(HttpUploadXml.Slot);
        if (slot is null)
        {
            HttpUploadLog.InvalidSlot(Context.Logger, service.Jid.ToString(), "no <slot/> in the answer");
            throw new HttpUploadException($"The upload service {service.Jid} answered the slot request without a <slot xmlns='{Namespace}'/>. Nothing was uploaded.");
        }

        var ignored = new List<string>();
        HttpUploadSlot granted;
        try
        {
            granted = HttpUploadXml.ReadSlot(slot, Options.AllowInsecureHttp, ignored);
        }
        catch (HttpUploadException unusable)
        {
            HttpUploadLog.InvalidSlot(Context.Logger, service.Jid.ToString(), unusable.Message);
            throw;
        }

        foreach (var header in ignored)
        {
            HttpUploadLog.HeaderIgnored(Context.Logger, service.Jid.ToString(), header);
        }

        HttpUploadLog.SlotGranted(Context.Logger, service.Jid.ToString(), size);
        return granted;
    }

    private static void CheckFileName(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName.AsSpan().IndexOfAny('/', '\\') >= 0 || fileName.Any(char.IsControl))
        {
            throw new ArgumentException($"The file name '{fileName}' must not hold a directory separator or a control character: pass the name alone.", nameof(fileName));
        }
    }

    private static string CheckContentType(string? contentType)
    {
        if (contentType is null)
        {
            return DefaultContentType;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is null || contentType.Any(char.IsControl))
        {
            throw new ArgumentException($"'{contentType}' is not a media type such as image/jpeg.", nameof(contentType));
        }

        return contentType;
    }
}
