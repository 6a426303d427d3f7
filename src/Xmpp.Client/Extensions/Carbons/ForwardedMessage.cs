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
        return inner is null ? null : Common.ForwardedMessages.ToMessage(inner, rejectInvalidJids: true);
    }
}
