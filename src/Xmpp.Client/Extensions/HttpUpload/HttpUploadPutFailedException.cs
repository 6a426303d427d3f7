using System.Net;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>
/// The HTTP PUT of the file failed: the upload server answered with a status other than 201 or 200
/// (<see cref="StatusCode"/>), or the request did not complete (<see cref="StatusCode"/> is <see langword="null"/> and
/// the inner exception says why). A slot is used once: upload again to ask for a new one.
/// </summary>
public sealed class HttpUploadPutFailedException : HttpUploadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="putUrl">The PUT URL.</param>
    /// <param name="statusCode">The status the server answered with, or <see langword="null"/> when there was no answer.</param>
    /// <param name="reason">The reason phrase, or what went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public HttpUploadPutFailedException(Uri putUrl, HttpStatusCode? statusCode, string? reason, Exception? innerException = null)
        : base(Describe(putUrl, statusCode, reason), innerException)
    {
        ArgumentNullException.ThrowIfNull(putUrl);
        PutUrl = putUrl;
        StatusCode = statusCode;
    }

    /// <summary>The URL the file was put to.</summary>
    public Uri PutUrl { get; }

    /// <summary>The HTTP status of the answer, or <see langword="null"/> when none came.</summary>
    public HttpStatusCode? StatusCode { get; }

    private static string Describe(Uri putUrl, HttpStatusCode? status, string? reason)
    {
        var host = putUrl?.GetLeftPart(UriPartial.Authority) ?? "the upload server";
        return status is { } code
            ? $"The upload to {host} failed: HTTP {(int)code}{(string.IsNullOrEmpty(reason) ? string.Empty : $" {Common.RemoteText.Quote(reason)}")}. Upload again for a new slot."
            : $"The upload to {host} failed: {reason ?? "no answer"}. Upload again for a new slot.";
    }
}
