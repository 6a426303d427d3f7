using System.Net;
using System.Net.Http.Headers;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>Putting the file (XEP-0363 §6) and the whole upload.</summary>
public sealed partial class HttpUploadExtension
{
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(
        new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>
    /// Uploads a file: finds the service, asks for a slot, PUTs the file and returns the URL to share.
    /// </summary>
    /// <param name="path">The file; its name (without directories) is sent to the service.</param>
    /// <param name="contentType">Its media type, such as <c>image/png</c>; <see langword="null"/> for <see cref="DefaultContentType"/>.</param>
    /// <param name="progress">Told the number of bytes sent so far, after each chunk.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The GET URL: where anyone who has it can fetch the file.</returns>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="HttpUploadException">The upload failed; the subclass says why (see <see cref="RequestSlotAsync"/>
    /// and <see cref="PutAsync"/>).</exception>
    /// <exception cref="XmppTimeoutException">The service or the HTTP server did not answer in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Uri> UploadFileAsync(string path, string? contentType = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            return await UploadAsync(file, Path.GetFileName(path), file.Length, contentType, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Uploads the content of a stream as a file: finds the service, asks for a slot, PUTs the bytes and returns the
    /// URL to share. Exactly <paramref name="size"/> bytes are read from the stream's position; the stream is not closed.
    /// </summary>
    /// <param name="content">The bytes to upload, read from the current position.</param>
    /// <param name="fileName">The file's name, without directories.</param>
    /// <param name="size">How many bytes to upload; <see langword="null"/> for the rest of a seekable stream.</param>
    /// <param name="contentType">Its media type; <see langword="null"/> for <see cref="DefaultContentType"/>.</param>
    /// <param name="progress">Told the number of bytes sent so far, after each chunk.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The GET URL.</returns>
    /// <exception cref="ArgumentException">No size was given for a stream that cannot seek, or an argument of
    /// <see cref="RequestSlotAsync"/> is invalid.</exception>
    /// <exception cref="HttpUploadException">The upload failed; the subclass says why (see <see cref="RequestSlotAsync"/>
    /// and <see cref="PutAsync"/>).</exception>
    /// <exception cref="XmppTimeoutException">The service or the HTTP server did not answer in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Uri> UploadAsync(Stream content, string fileName, long? size = null, string? contentType = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var length = SizeOf(content, size);
        var slot = await RequestSlotAsync(fileName, length, contentType, cancellationToken).ConfigureAwait(false);
        await PutAsync(slot, content, length, contentType, progress, cancellationToken).ConfigureAwait(false);
        return slot.GetUrl;
    }

    /// <summary>
    /// PUTs bytes to a slot (XEP-0363 §6) with its headers, <c>Content-Length</c> and <c>Content-Type</c>, through
    /// <see cref="HttpUploadOptions.HttpClient"/>; succeeds when the server answers 201 (or 200).
    /// </summary>
    /// <param name="slot">A slot from <see cref="RequestSlotAsync"/> for this size and content type.</param>
    /// <param name="content">The bytes, read from the current position; the stream is not closed.</param>
    /// <param name="size">How many bytes to send: the size the slot was asked for.</param>
    /// <param name="contentType">The content type the slot was asked for; <see langword="null"/> for <see cref="DefaultContentType"/>.</param>
    /// <param name="progress">Told the number of bytes sent so far, after each chunk.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <exception cref="HttpUploadPutFailedException">The server answered another status, or the request failed.</exception>
    /// <exception cref="HttpUploadException">The stream ended before <paramref name="size"/> bytes, or a URL of the slot
    /// is not acceptable under <see cref="Options"/>.</exception>
    /// <exception cref="XmppTimeoutException">The PUT took longer than <see cref="HttpUploadOptions.PutTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task PutAsync(HttpUploadSlot slot, Stream content, long size, string? contentType = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var type = CheckContentType(contentType);
        if (!HttpUploadXml.IsAcceptable(slot.PutUrl, Options.AllowInsecureHttp))
        {
            throw new HttpUploadException($"The PUT URL's scheme '{slot.PutUrl.Scheme}' is not allowed: https is required (HttpUploadOptions.AllowInsecureHttp allows http).");
        }

        var host = slot.PutUrl.GetLeftPart(UriPartial.Authority);
        using var body = new UploadContent(content, size, progress);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        using var request = new HttpRequestMessage(HttpMethod.Put, slot.PutUrl) { Content = body };
        foreach (var (name, value) in slot.PutHeaders)
        {
            if (!HttpUploadXml.AllowedHeaders.Contains(name))
            {
                throw new HttpUploadException($"The slot's header '{Common.RemoteText.Quote(name)}' is not one XEP-0363 allows (Authorization, Cookie, Expires).");
            }

            var added = name.Equals("Expires", StringComparison.OrdinalIgnoreCase)
                ? body.Headers.TryAddWithoutValidation(name, value)
                : request.Headers.TryAddWithoutValidation(name, value);
            if (!added)
            {
                throw new HttpUploadException($"The slot's {name} header could not be added to the request.");
            }
        }

        using var timeout = Options.PutTimeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(Options.PutTimeout, Context.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await (Options.HttpClient ?? SharedHttpClient.Value)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            HttpUploadLog.PutFailed(Context.Logger, host, "timed out");
            throw new XmppTimeoutException($"The upload to {host} did not complete within {Options.PutTimeout} (HttpUploadOptions.PutTimeout).");
        }
        catch (HttpRequestException) when (body.EndedEarly is { } sent)
        {
            throw new HttpUploadException($"The stream ended after {sent} of the {size} bytes announced; nothing usable was uploaded.");
        }
        catch (HttpRequestException failure)
        {
            HttpUploadLog.PutFailed(Context.Logger, host, failure.Message);
            throw new HttpUploadPutFailedException(slot.PutUrl, null, failure.Message, failure);
        }

        using (response)
        {
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                HttpUploadLog.PutFailed(Context.Logger, host, $"HTTP {(int)response.StatusCode}");
                throw new HttpUploadPutFailedException(slot.PutUrl, response.StatusCode, response.ReasonPhrase);
            }

            HttpUploadLog.Uploaded(Context.Logger, size, host, (int)response.StatusCode);
        }
    }

    private static long SizeOf(Stream content, long? size)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (size is { } given)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(given, nameof(size));
            return given;
        }

        return content.CanSeek
            ? Math.Max(0, content.Length - content.Position)
            : throw new ArgumentException("The stream cannot seek, so its length is unknown: pass the size.", nameof(size));
    }
}
