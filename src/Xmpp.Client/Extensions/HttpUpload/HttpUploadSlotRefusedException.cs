using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>
/// The upload service refused the slot for a reason other than the file's size (XEP-0363 §5), such as
/// <c>not-allowed</c> (this account may not upload) or <c>resource-constraint</c> with a time to retry at (a quota).
/// <see cref="Error"/> is the service's error; <see cref="RetryAt"/> says when asking again may succeed.
/// </summary>
public sealed class HttpUploadSlotRefusedException : HttpUploadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The upload service.</param>
    /// <param name="error">Its error.</param>
    /// <param name="retryAt">The time of its <c>&lt;retry stamp/&gt;</c>, if it sent one.</param>
    public HttpUploadSlotRefusedException(Jid service, StanzaError error, DateTimeOffset? retryAt = null)
        : base(Describe(service, error, retryAt))
    {
        ArgumentNullException.ThrowIfNull(error);
        Service = service;
        Error = error;
        RetryAt = retryAt;
    }

    /// <summary>The upload service.</summary>
    public Jid Service { get; }

    /// <summary>The service's error; its <see cref="StanzaError.Type"/> says whether trying again can help.</summary>
    public StanzaError Error { get; }

    /// <summary>When the service says a new request may succeed (<c>&lt;retry stamp='…'/&gt;</c>, UTC), or <see langword="null"/>.</summary>
    public DateTimeOffset? RetryAt { get; }

    private static string Describe(Jid service, StanzaError? error, DateTimeOffset? retryAt)
    {
        var retry = retryAt is { } at ? $"; try again after {at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}" : string.Empty;
        return $"The upload service {service} refused the slot: {error}{retry}.";
    }
}
