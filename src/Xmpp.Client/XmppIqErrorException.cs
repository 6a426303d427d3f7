using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

/// <summary>
/// An IQ request was answered with an error. <see cref="Error"/> says why (RFC 6120 §8.3): for example
/// <c>service-unavailable</c> (the entity does not support the request), <c>item-not-found</c> (no such JID or item),
/// <c>forbidden</c>; its <see cref="StanzaError.Type"/> says whether retrying can help.
/// </summary>
public sealed class XmppIqErrorException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="request">The request that failed.</param>
    /// <param name="error">The error the answer carried.</param>
    public XmppIqErrorException(Iq request, StanzaError error)
        : base($"The IQ request '{request?.Id}' ({request?.PayloadName}) to {request?.To?.ToString() ?? "the server"} failed: {error}.")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);
        Request = request;
        Error = error;
    }

    /// <summary>The request that failed.</summary>
    public Iq Request { get; }

    /// <summary>The error the answer carried.</summary>
    public StanzaError Error { get; }

    /// <summary>
    /// The error answer itself, when it is known: besides the error, some protocols repeat the request or add a
    /// payload to fill in (such as XEP-0077's form for a password change).
    /// </summary>
    public Iq? Reply { get; init; }
}
