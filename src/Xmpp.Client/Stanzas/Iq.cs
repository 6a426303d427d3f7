using System.Xml.Linq;
using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Stanzas;

/// <summary>
/// An <c>&lt;iq/&gt;</c> stanza (RFC 6120 §8.2.3): a request (get or set) with exactly one payload, answered by a
/// result or an error with the same id. Send requests with <see cref="XmppClient.SendIqAsync(Iq, CancellationToken)"/>.
/// </summary>
public sealed class Iq : Stanza
{
    /// <summary>Creates an IQ.</summary>
    /// <param name="type">The type. A get or set needs a payload.</param>
    /// <param name="payload">The one child element (copied); required for get and set.</param>
    /// <param name="id">The id; a random one when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A get or set without a payload, a payload in <c>jabber:client</c> or in no
    /// namespace, or an empty id.</exception>
    public Iq(IqType type, XElement? payload = null, string? id = null)
        : base(new XmppElement("iq", Namespaces.Client))
    {
        if (type is IqType.Get or IqType.Set && payload is null)
        {
            throw new ArgumentException($"An IQ of type '{ToAttribute(type)}' must carry exactly one payload element (RFC 6120 §8.2.3).", nameof(payload));
        }

        Element.SetAttribute("type", ToAttribute(type));
        Id = id ?? StanzaIds.New();
        if (payload is not null)
        {
            AddPayload(payload);
        }
    }

    internal Iq(XmppElement element)
        : base(element)
    {
    }

    /// <summary>The IQ's type.</summary>
    public IqType Type => Element.GetAttribute("type") switch
    {
        "get" => IqType.Get,
        "set" => IqType.Set,
        "result" => IqType.Result,
        _ => IqType.Error,
    };

    /// <summary>Whether this is a request (get or set) that must be answered.</summary>
    public bool IsRequest => Type is IqType.Get or IqType.Set;

    /// <summary>A copy of the payload (the first child outside the error), or <see langword="null"/>.</summary>
    public XElement? Payload => PayloadElement?.ToXElement();

    /// <summary>The payload's qualified name, without copying it.</summary>
    public XName? PayloadName => PayloadElement is { } payload ? XName.Get(payload.Name, payload.Namespace) : null;

    internal XmppElement? PayloadElement =>
        Element.Elements().FirstOrDefault(child => !(child.Name == "error" && child.Namespace == Namespaces.Client));

    /// <summary>A successful answer to this request, addressed to its sender, with the same id.</summary>
    /// <param name="payload">The answer's payload, if any.</param>
    /// <exception cref="InvalidOperationException">This IQ is a result or an error, which must not be answered.</exception>
    public Iq CreateResult(XElement? payload = null)
    {
        EnsureRequest();
        return Address(new Iq(IqType.Result, payload, Id));
    }

    /// <summary>A get request carrying a typed payload.</summary>
    /// <typeparam name="T">The payload's class.</typeparam>
    /// <param name="payload">What is asked, such as <c>new DiscoInfoQuery()</c>.</param>
    /// <param name="to">Whom to ask; <see langword="null"/> for the account's server.</param>
    /// <returns>The request, with a new id.</returns>
    public static Iq Get<T>(T payload, Jid? to = null)
        where T : IXmppPayload<T> => Request(IqType.Get, payload, to);

    /// <summary>A set request carrying a typed payload.</summary>
    /// <typeparam name="T">The payload's class.</typeparam>
    /// <param name="payload">What is set.</param>
    /// <param name="to">Whom to ask; <see langword="null"/> for the account's server.</param>
    /// <returns>The request, with a new id.</returns>
    public static Iq Set<T>(T payload, Jid? to = null)
        where T : IXmppPayload<T> => Request(IqType.Set, payload, to);

    /// <summary>A successful answer to this request carrying a typed payload.</summary>
    /// <typeparam name="T">The payload's class.</typeparam>
    /// <param name="payload">The answer's payload.</param>
    /// <exception cref="InvalidOperationException">This IQ is a result or an error, which must not be answered.</exception>
    public Iq CreateResult<T>(T payload)
        where T : IXmppPayload<T>
    {
        ArgumentNullException.ThrowIfNull(payload);
        return CreateResult(payload.ToXElement());
    }

    /// <summary>An error answer to this request, addressed to its sender, with the same id.</summary>
    /// <param name="condition">What went wrong.</param>
    /// <param name="text">Optional human-readable text.</param>
    /// <exception cref="InvalidOperationException">This IQ is a result or an error, which must not be answered.</exception>
    public Iq CreateError(StanzaErrorCondition condition, string? text = null) => CreateError(new StanzaError(condition, text));

    /// <summary>An error answer to this request, addressed to its sender, with the same id.</summary>
    /// <param name="error">The error.</param>
    /// <exception cref="InvalidOperationException">This IQ is a result or an error, which must not be answered.</exception>
    public Iq CreateError(StanzaError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        EnsureRequest();
        var reply = new Iq(new XmppElement("iq", Namespaces.Client).SetAttribute("type", "error").SetAttribute("id", Id));
        reply.Element.Add(error.ToElement());
        return Address(reply);
    }

    private protected override void ValidateId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException("An IQ must have a non-empty id (RFC 6120 §8.2.3).", nameof(id));
        }
    }

    private void EnsureRequest()
    {
        if (!IsRequest)
        {
            throw new InvalidOperationException($"An IQ of type '{ToAttribute(Type)}' must not be answered (RFC 6120 §8.2.3); only get and set are requests.");
        }
    }

    private Iq Address(Iq reply)
    {
        if (From is { } from)
        {
            reply.To = from;
        }

        return reply;
    }

    private static string ToAttribute(IqType type) => type switch
    {
        IqType.Get => "get",
        IqType.Set => "set",
        IqType.Result => "result",
        IqType.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an IQ type."),
    };

    private static Iq Request<T>(IqType type, T payload, Jid? to)
        where T : IXmppPayload<T>
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new Iq(type, payload.ToXElement()) { To = to };
    }
}
