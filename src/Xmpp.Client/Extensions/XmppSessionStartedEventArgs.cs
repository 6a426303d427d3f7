using System.Xml.Linq;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Extensions;

/// <summary>A session that started: new or resumed, the JID bound, and what the server offered.</summary>
public sealed class XmppSessionStartedEventArgs : EventArgs
{
    private readonly XmppElement _features;
    private XElement? _featuresCopy;

    internal XmppSessionStartedEventArgs(Jid boundJid, bool resumed, bool reconnection, XmppElement features)
    {
        BoundJid = boundJid;
        IsResumed = resumed;
        IsReconnection = reconnection;
        _features = features;
    }

    /// <summary>The full JID the server bound for the session.</summary>
    public Jid BoundJid { get; }

    /// <summary>
    /// Whether the session is the previous one resumed (XEP-0198): the server kept its state (presence sent, rooms
    /// joined, roster interest) and delivers what it could not before. When <see langword="false"/> everything the
    /// server knew of the previous session is gone.
    /// </summary>
    public bool IsResumed { get; }

    /// <summary>
    /// Whether the session was opened by a reconnection rather than by <see cref="XmppClient.ConnectAsync"/>. A
    /// reconnection that is not <see cref="IsResumed"/> is when extensions re-establish server-side state (rejoin rooms).
    /// </summary>
    public bool IsReconnection { get; }

    /// <summary>The stream features the server offered after authentication (RFC 6120 §4.3), as a copy.</summary>
    public XElement StreamFeatures => _featuresCopy ??= _features.ToXElement();

    /// <summary>Whether the server offered a stream feature with that name (such as roster versioning, XEP-0237).</summary>
    /// <param name="name">The feature element's qualified name.</param>
    public bool HasStreamFeature(XName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _features.Element(name.LocalName, name.NamespaceName) is not null;
    }
}
