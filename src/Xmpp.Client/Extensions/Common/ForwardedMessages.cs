using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Common;

/// <summary>
/// Builds a <see cref="Message"/> from a forwarded <c>&lt;message/&gt;</c> element (XEP-0297, inside carbons and archive
/// results) with the public stanza API: addresses, id, type, language, bodies, the first subject and thread, and every
/// payload of another namespace. Other jabber:client children (such as <c>&lt;error/&gt;</c>) are not kept.
/// </summary>
internal static class ForwardedMessages
{
    private const string ClientNamespace = "jabber:client";

    /// <summary>The message, or <see langword="null"/> when <paramref name="rejectInvalidJids"/> and a 'from' or 'to' is not a valid JID.</summary>
    /// <param name="element">The forwarded message element.</param>
    /// <param name="rejectInvalidJids">Whether an invalid address makes the message unreadable (otherwise it is left out).</param>
    public static Message? ToMessage(XElement element, bool rejectInvalidJids)
    {
        var message = new Message();
        if (!TrySetJid(element, "from", jid => message.From = jid, rejectInvalidJids) || !TrySetJid(element, "to", jid => message.To = jid, rejectInvalidJids))
        {
            return null;
        }

        if ((string?)element.Attribute("id") is { Length: > 0 } id)
        {
            message.Id = id;
        }

        message.Type = (string?)element.Attribute("type") switch
        {
            "chat" => MessageType.Chat,
            "groupchat" => MessageType.Groupchat,
            "headline" => MessageType.Headline,
            "error" => MessageType.Error,
            _ => MessageType.Normal,
        };
        if ((string?)element.Attribute(XNamespace.Xml + "lang") is { Length: > 0 } language)
        {
            message.Language = language;
        }

        foreach (var child in element.Elements())
        {
            if (child.Name.NamespaceName is not (ClientNamespace or ""))
            {
                message.AddPayload(child);
                continue;
            }

            switch (child.Name.LocalName)
            {
                case "body":
                    message.SetBody(child.Value, (string?)child.Attribute(XNamespace.Xml + "lang"));
                    break;
                case "subject":
                    message.Subject ??= child.Value;
                    break;
                case "thread":
                    message.Thread ??= child.Value;
                    break;
            }
        }

        return message;
    }

    private static bool TrySetJid(XElement element, string attribute, Action<Jid> set, bool rejectInvalid)
    {
        var value = (string?)element.Attribute(attribute);
        if (value is null)
        {
            return true;
        }

        if (Jid.TryParse(value, out var jid))
        {
            set(jid);
            return true;
        }

        return !rejectInvalid;
    }
}
