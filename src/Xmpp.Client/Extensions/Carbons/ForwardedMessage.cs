using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Carbons;

/// <summary>Reads the message inside a <c>&lt;forwarded xmlns='urn:xmpp:forward:0'/&gt;</c> (XEP-0297).</summary>
internal static class ForwardedMessage
{
    private const string ClientNamespace = "jabber:client";
    private static readonly XNamespace Forward = "urn:xmpp:forward:0";

    /// <summary>The message inside the wrapper's <c>&lt;forwarded/&gt;</c>, or <see langword="null"/> when it has none (or an unreadable one).</summary>
    public static Message? Read(XElement wrapper)
    {
        var inner = wrapper.Element(Forward + "forwarded")?.Elements().FirstOrDefault(element =>
            element.Name.LocalName == "message" && element.Name.NamespaceName is ClientNamespace or "");
        return inner is null ? null : ToMessage(inner);
    }

    /// <summary>A message built from an element, through the public stanza API.</summary>
    private static Message? ToMessage(XElement element)
    {
        var message = new Message();
        if (!TrySetJid(element, "from", jid => message.From = jid) || !TrySetJid(element, "to", jid => message.To = jid))
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
                    message.Subject = child.Value;
                    break;
                case "thread":
                    message.Thread = child.Value;
                    break;
            }
        }

        return message;
    }

    private static bool TrySetJid(XElement element, string attribute, Action<Jid> set)
    {
        var value = (string?)element.Attribute(attribute);
        if (value is null)
        {
            return true;
        }

        if (!Jid.TryParse(value, out var jid))
        {
            return false;
        }

        set(jid);
        return true;
    }
}
