using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

/// <summary>An IQ request (get or set) that no registered handler claimed.</summary>
public sealed class IqReceivedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="request">The request.</param>
    public IqReceivedEventArgs(Iq request)
    {
        Request = request;
    }

    /// <summary>The request.</summary>
    public Iq Request { get; }

    /// <summary>
    /// Set to <see langword="true"/> when your handler answers (or will answer) the request itself with
    /// <see cref="XmppClient.SendAsync(Xmpp.Client.Stanzas.Stanza, CancellationToken)"/>. When no handler sets it, the client answers <c>service-unavailable</c>
    /// for you, as RFC 6120 §8.4 requires.
    /// </summary>
    public bool Handled { get; set; }
}
