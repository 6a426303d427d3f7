using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Stanzas;

/// <summary>A <c>&lt;message/&gt;</c> stanza (RFC 6121 §5): a push of content from one entity to another.</summary>
public sealed class Message : Stanza
{
    /// <summary>Creates an empty message of type <see cref="MessageType.Normal"/>.</summary>
    public Message()
        : base(new XmppElement("message", Namespaces.Client))
    {
    }

    /// <summary>Creates a message to <paramref name="to"/> with a body.</summary>
    /// <param name="to">The recipient.</param>
    /// <param name="body">The text; <see langword="null"/> for none.</param>
    /// <param name="type">The type, <see cref="MessageType.Chat"/> by default.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is <c>default(Jid)</c>.</exception>
    public Message(Jid to, string? body, MessageType type = MessageType.Chat)
        : this()
    {
        To = to;
        Type = type;
        Body = body;
    }

    internal Message(XmppElement element)
        : base(element)
    {
    }

    /// <summary>The message's type.</summary>
    public MessageType Type
    {
        get => Element.GetAttribute("type") switch
        {
            "chat" => MessageType.Chat,
            "groupchat" => MessageType.Groupchat,
            "headline" => MessageType.Headline,
            "error" => MessageType.Error,
            _ => MessageType.Normal,
        };
        set => Element.SetAttribute("type", value switch
        {
            MessageType.Chat => "chat",
            MessageType.Groupchat => "groupchat",
            MessageType.Headline => "headline",
            MessageType.Error => "error",
            MessageType.Normal => null,
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a message type."),
        });
    }

    /// <summary>
    /// The body in the stanza's default language: the <c>&lt;body/&gt;</c> without <c>xml:lang</c>, else the one in
    /// <see cref="Stanza.Language"/>, else the first. Setting it replaces the body without <c>xml:lang</c> or the one in
    /// <see cref="Stanza.Language"/> (other languages stay).
    /// </summary>
    public string? Body
    {
        get => GetBody(null);
        set => SetBody(value, null);
    }

    /// <summary>Every body, keyed by its language (<c>""</c> for the body without <c>xml:lang</c>).</summary>
    public IReadOnlyDictionary<string, string> Bodies
    {
        get
        {
            var bodies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var body in Element.Elements("body", Namespaces.Client))
            {
                bodies.TryAdd(body.GetAttribute("lang", Namespaces.Xml) ?? string.Empty, body.Value);
            }

            return bodies;
        }
    }

    /// <summary>The subject, if any.</summary>
    public string? Subject
    {
        get => GetChildText("subject");
        set => SetChildText("subject", value);
    }

    /// <summary>The conversation thread id, if any.</summary>
    public string? Thread
    {
        get => GetChildText("thread");
        set => SetChildText("thread", value);
    }

    /// <summary>
    /// The body in <paramref name="language"/> (a body without <c>xml:lang</c> is in <see cref="Stanza.Language"/>);
    /// <see langword="null"/> asks for the default body (see <see cref="Body"/>).
    /// </summary>
    /// <param name="language">A language tag such as <c>de</c>, or <see langword="null"/>.</param>
    public string? GetBody(string? language) => FindBody(language)?.Value;

    /// <summary>Sets (or, with <see langword="null"/> text, removes) the body in <paramref name="language"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="language">A language tag, or <see langword="null"/> for the default body.</param>
    public void SetBody(string? text, string? language = null)
    {
        var existing = FindBody(language, exact: true);
        if (existing is not null)
        {
            Element.RemoveAll(node => ReferenceEquals(node, existing));
        }

        if (text is not null)
        {
            var body = new XmppElement("body", Namespaces.Client).AddText(text);
            if (language is not null)
            {
                body.SetAttribute("lang", language, Namespaces.Xml);
            }

            Element.Add(body);
        }
    }

    /// <summary>
    /// A reply to this message: addressed to its sender (to the room, for a groupchat message), with the same type
    /// and thread, and a new body.
    /// </summary>
    /// <param name="body">The reply's text.</param>
    /// <exception cref="InvalidOperationException">This message is an error, which must not be answered (RFC 6120 §8.3.1).</exception>
    public Message CreateReply(string? body)
    {
        if (Type == MessageType.Error)
        {
            throw new InvalidOperationException("A message of type 'error' must not be answered (RFC 6120 §8.3.1); check Type before replying.");
        }

        var reply = new Message { Type = Type, Body = body, Thread = Thread };
        if (From is { } from)
        {
            // A groupchat message comes from an occupant (room@service/nick); answers go to the room (XEP-0045 §7.4).
            reply.To = Type == MessageType.Groupchat ? from.Bare : from;
        }

        return reply;
    }

    private XmppElement? FindBody(string? language, bool exact = false)
    {
        XmppElement? first = null;
        XmppElement? inDefaultLanguage = null;
        var defaultLanguage = Language;
        foreach (var body in Element.Elements("body", Namespaces.Client))
        {
            var lang = body.GetAttribute("lang", Namespaces.Xml);
            if (language is not null)
            {
                // A body without xml:lang inherits the stanza's (RFC 6120 §8.1.5).
                if (string.Equals(lang ?? defaultLanguage, language, StringComparison.OrdinalIgnoreCase))
                {
                    return body;
                }

                continue;
            }

            if (lang is null)
            {
                return body;
            }

            first ??= body;
            if (defaultLanguage is not null && string.Equals(lang, defaultLanguage, StringComparison.OrdinalIgnoreCase))
            {
                inDefaultLanguage ??= body;
            }
        }

        // Exact: the body to replace is the one in the stanza's language, tagged or not, never another language.
        return exact ? inDefaultLanguage : inDefaultLanguage ?? first;
    }
}
