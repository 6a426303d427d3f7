using System.Xml.Linq;
using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Stanzas;

/// <summary>
/// What <see cref="Message"/>, <see cref="Presence"/> and <see cref="Iq"/> share (RFC 6120 §8): addresses, id,
/// language, error, and extension payloads, reachable as <see cref="XElement"/> or as typed objects.
/// </summary>
/// <remarks>
/// A stanza is parsed once from the wire into a light tree; the properties read and write that tree. Payloads
/// returned as <see cref="XElement"/> are copies: to change one, remove it and add the changed element. Stanzas
/// are not thread-safe. <see cref="XmppClient.SendAsync(Xmpp.Client.Stanzas.Stanza, CancellationToken)"/> sends a copy taken when it is called, so a stanza may be
/// changed or sent again as soon as the call returns.
/// </remarks>
public abstract class Stanza
{
    private Jid? _to;
    private Jid? _from;
    private bool _toParsed;
    private bool _fromParsed;

    private protected Stanza(XmppElement element)
    {
        Element = element;
    }

    /// <summary>The recipient; <see langword="null"/> means the account's own server or bare JID, depending on the stanza.</summary>
    /// <exception cref="ArgumentException">Set to <c>default(Jid)</c>.</exception>
    public Jid? To
    {
        get => ReadJid("to", ref _to, ref _toParsed);
        set => WriteJid("to", value, ref _to, ref _toParsed);
    }

    /// <summary>The sender, as stamped by the server; <see langword="null"/> for stanzas from the account's own server
    /// or bare JID (no 'from' attribute). Outgoing stanzas leave it empty: the server sets it.</summary>
    /// <remarks>A received stanza whose 'from' is present but not a valid JID never reaches the application: the client
    /// drops it (and logs a warning) before any handler, event or waiting request sees it, so a <see langword="null"/>
    /// here always means that the stanza had no 'from'.</remarks>
    /// <exception cref="ArgumentException">Set to <c>default(Jid)</c>.</exception>
    public Jid? From
    {
        get => ReadJid("from", ref _from, ref _fromParsed);
        set => WriteJid("from", value, ref _from, ref _fromParsed);
    }

    /// <summary>
    /// The stanza's id. <see cref="XmppClient.SendAsync(Xmpp.Client.Stanzas.Stanza, CancellationToken)"/> never changes it: when it is missing, the stanza sent gets a
    /// new id of its own, which <see cref="XmppClient.SendAsync(Xmpp.Client.Stanzas.Stanza, CancellationToken)"/> returns.
    /// </summary>
    public string? Id
    {
        get => Element.GetAttribute("id");
        set
        {
            ValidateId(value);
            Element.SetAttribute("id", value);
        }
    }

    /// <summary>The default language of the stanza's text (<c>xml:lang</c>), if given.</summary>
    public string? Language
    {
        get => Element.GetAttribute("lang", Namespaces.Xml);
        set => Element.SetAttribute("lang", value, Namespaces.Xml);
    }

    /// <summary>The error carried by a stanza of type <c>error</c>; <see langword="null"/> otherwise.</summary>
    public StanzaError? Error
    {
        get
        {
            var error = Element.Element("error", Namespaces.Client);
            return error is null ? null : StanzaError.FromElement(error);
        }
    }

    /// <summary>The extension elements (every child outside the <c>jabber:client</c> namespace), as copies.</summary>
    public IEnumerable<XElement> Payloads =>
        Element.Elements().Where(IsPayload).Select(child => child.ToXElement());

    /// <summary>Whether the stanza has a 'from' attribute that is not a valid JID (which <see cref="From"/> reads as
    /// <see langword="null"/>, like no 'from' at all).</summary>
    internal bool HasInvalidFrom => From is null && Element.GetAttribute("from") is not null;

    /// <summary>The tree behind the stanza.</summary>
    internal XmppElement Element { get; }

    /// <summary>A copy of the first payload with the given name, or <see langword="null"/>.</summary>
    /// <param name="name">The payload's qualified name, such as <c>XName.Get("delay", "urn:xmpp:delay")</c>.</param>
    public XElement? GetPayload(XName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Element.Element(name.LocalName, name.NamespaceName)?.ToXElement();
    }

    /// <summary>Copies of every payload with the given name, in document order.</summary>
    /// <param name="name">The payloads' qualified name.</param>
    public IEnumerable<XElement> GetPayloads(XName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Element.Elements(name.LocalName, name.NamespaceName).Select(child => child.ToXElement());
    }

    /// <summary>
    /// An attribute of the first payload with the given name, read without copying the payload (for ids and stamps
    /// that every message may carry: <c>&lt;received id='…'/&gt;</c>, <c>&lt;origin-id id='…'/&gt;</c>).
    /// </summary>
    /// <param name="name">The payload's qualified name.</param>
    /// <param name="attribute">The attribute's (local, unqualified) name.</param>
    /// <returns>The value, or <see langword="null"/> when there is no such payload or it lacks the attribute.</returns>
    public string? GetPayloadAttribute(XName name, string attribute)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        return Element.Element(name.LocalName, name.NamespaceName)?.GetAttribute(attribute);
    }

    /// <summary>Whether a payload with the given name is present.</summary>
    /// <param name="name">The payload's qualified name.</param>
    public bool HasPayload(XName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Element.Element(name.LocalName, name.NamespaceName) is not null;
    }

    /// <summary>The first payload named <typeparamref name="T"/>'s element name, read as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A payload class.</typeparam>
    public T? GetPayload<T>()
        where T : class, IXmppPayload<T>
    {
        var element = GetPayload(T.ElementName);
        return element is null ? null : T.FromXElement(element);
    }

    /// <summary>Adds an extension element (a copy of it) to the stanza.</summary>
    /// <param name="payload">The element; its namespace must not be <c>jabber:client</c>.</param>
    public void AddPayload(XElement payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Name.NamespaceName is Namespaces.Client or "")
        {
            throw new ArgumentException(
                $"A payload must have its own namespace; <{payload.Name.LocalName}/> is in '{payload.Name.NamespaceName}'.", nameof(payload));
        }

        Element.Add(XmppElement.FromXElement(payload));
    }

    /// <summary>
    /// Adds an empty extension element, such as <c>&lt;request xmlns='urn:xmpp:receipts'/&gt;</c>, straight into the
    /// stanza's tree (no <see cref="XElement"/> is built: what decorators of every message want).
    /// </summary>
    /// <param name="name">The element's qualified name; its namespace must not be <c>jabber:client</c>.</param>
    public void AddPayload(XName name) => Element.Add(NewPayload(name));

    /// <summary>Adds an extension element with one attribute, such as <c>&lt;origin-id xmlns='urn:xmpp:sid:0' id='…'/&gt;</c>.</summary>
    /// <param name="name">The element's qualified name; its namespace must not be <c>jabber:client</c>.</param>
    /// <param name="attribute">The attribute's (local, unqualified) name.</param>
    /// <param name="value">The attribute's value.</param>
    public void AddPayload(XName name, string attribute, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        ArgumentNullException.ThrowIfNull(value);
        Element.Add(NewPayload(name).SetAttribute(attribute, value));
    }

    /// <summary>Adds a typed payload to the stanza.</summary>
    /// <typeparam name="T">A payload class.</typeparam>
    /// <param name="payload">The payload.</param>
    public void AddPayload<T>(T payload)
        where T : IXmppPayload<T>
    {
        ArgumentNullException.ThrowIfNull(payload);
        AddPayload(payload.ToXElement());
    }

    /// <summary>Removes every payload with the given name; returns how many were removed.</summary>
    /// <param name="name">The payloads' qualified name.</param>
    public int RemovePayloads(XName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Element.RemoveAll(child => child is XmppElement e && e.Name == name.LocalName && e.Namespace == name.NamespaceName);
    }

    /// <summary>The whole stanza as a new <see cref="XElement"/>.</summary>
    public XElement ToXElement() => Element.ToXElement();

    /// <summary>The stanza as XML, for diagnostics.</summary>
    public override string ToString() => Element.ToString();

    /// <summary>Checks an id before it is set; an <see cref="Iq"/> requires one.</summary>
    private protected virtual void ValidateId(string? id)
    {
        if (id is { Length: 0 })
        {
            throw new ArgumentException("A stanza id must not be empty; use null for none.", nameof(id));
        }
    }

    /// <summary>Replaces the core child element <paramref name="name"/> with one holding <paramref name="text"/>, or removes it.</summary>
    private protected void SetChildText(string name, string? text)
    {
        Element.RemoveAll(child => child is XmppElement e && e.Name == name && e.Namespace == Namespaces.Client);
        if (text is not null)
        {
            Element.Add(new XmppElement(name, Namespaces.Client).AddText(text));
        }
    }

    /// <summary>The text of the core child element <paramref name="name"/>, or <see langword="null"/>.</summary>
    private protected string? GetChildText(string name) => Element.Element(name, Namespaces.Client)?.Value;

    private static bool IsPayload(XmppElement child) => child.Namespace != Namespaces.Client;

    private Jid? ReadJid(string attribute, ref Jid? cache, ref bool parsed)
    {
        if (!parsed)
        {
            cache = Jid.TryParse(Element.GetAttribute(attribute), out var jid) ? jid : null;
            parsed = true;
        }

        return cache;
    }

    private void WriteJid(string attribute, Jid? value, ref Jid? cache, ref bool parsed)
    {
        if (value is { IsEmpty: true })
        {
            throw new ArgumentException($"default(Jid) is not an address; set '{attribute}' to null for none.", nameof(value));
        }

        Element.SetAttribute(attribute, value?.ToString());
        cache = value;
        parsed = true;
    }

    private static XmppElement NewPayload(XName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.NamespaceName is Namespaces.Client or "")
        {
            throw new ArgumentException($"A payload must have its own namespace; <{name.LocalName}/> is in '{name.NamespaceName}'.", nameof(name));
        }

        return new XmppElement(name.LocalName, name.NamespaceName);
    }
}
