using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>Where a running session hands what it reads. Called on the read loop: implementations must only queue.</summary>
internal interface ISessionHandler
{
    /// <summary>
    /// A message, presence or IQ request arrived (IQ replies go to the tracker instead); it took
    /// <paramref name="bytes"/> on the wire (0 when not known).
    /// </summary>
    ValueTask OnStanzaAsync(Stanza stanza, long bytes, CancellationToken cancellationToken);

    /// <summary>A top-level element that is not a stanza arrived (stream management and similar).</summary>
    ValueTask OnNonStanzaAsync(XmppElement element, CancellationToken cancellationToken);

    /// <summary>A top-level element broke a per-element limit and was skipped (already logged).</summary>
    void OnSkipped(SkippedElement skipped);

    /// <summary>The session ended: <paramref name="error"/> is <see langword="null"/> when the client closed it.</summary>
    void OnEnded(XmppSession session, Exception? error);
}
