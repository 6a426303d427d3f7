using System.Xml.Linq;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>Server-side steps the disco and entity info tests share.</summary>
internal static class ServerScript
{
    public const string DiscoInfo = "http://jabber.org/protocol/disco#info";

    /// <summary>Reads until an IQ request with the given payload namespace arrives (skipping anything else).</summary>
    public static async Task<XmppElement> ExpectRequestAsync(this FakeServer server, string payloadNamespace)
    {
        while (true)
        {
            var element = await server.ReadElementAsync();
            Assert.NotNull(element);
            if (element.Name == "iq" && element.GetAttribute("type") is "get" or "set" && element.Elements().FirstOrDefault()?.Namespace == payloadNamespace)
            {
                return element;
            }
        }
    }

    /// <summary>Reads until the IQ answer with the given id arrives (skipping anything else).</summary>
    public static async Task<XmppElement> ExpectReplyAsync(this FakeServer server, string id)
    {
        while (true)
        {
            var element = await server.ReadElementAsync();
            Assert.NotNull(element);
            if (element.Name == "iq" && element.GetAttribute("id") == id && element.GetAttribute("type") is "result" or "error")
            {
                return element;
            }
        }
    }

    /// <summary>Reads until the client sends a presence.</summary>
    public static async Task<XmppElement> ExpectPresenceAsync(this FakeServer server)
    {
        while (true)
        {
            var element = await server.ReadElementAsync();
            Assert.NotNull(element);
            if (element.Name == "presence")
            {
                return element;
            }
        }
    }

    /// <summary>Sends an IQ get from <paramref name="from"/> and returns the client's answer.</summary>
    public static async Task<XElement> AskAsync(this FakeServer server, XElement payload, string from = "juliet@example.com/balcony")
    {
        var id = Guid.NewGuid().ToString("N");
        await server.SendAsync($"<iq type='get' id='{id}' from='{from}'>{payload.ToString(SaveOptions.DisableFormatting)}</iq>");
        return (await server.ExpectReplyAsync(id)).ToXElement();
    }

    /// <summary>A ping round trip: when it returns, the client has handled everything the server sent before.</summary>
    public static Task SyncAsync(this FakeServer server) =>
        server.AskAsync(new XElement(XName.Get("ping", "urn:xmpp:ping")), FakeServer.Domain);

    /// <summary>Answers a request of the client, from the entity it was sent to.</summary>
    public static Task AnswerAsync(this FakeServer server, XmppElement request, XElement payload) =>
        server.SendAsync($"<iq type='result' id='{request.GetAttribute("id")}' from='{request.GetAttribute("to")}'>{payload.ToString(SaveOptions.DisableFormatting)}</iq>");

    /// <summary>Sends an available presence with caps.</summary>
    public static Task SendCapsPresenceAsync(this FakeServer server, string from, string ver, string node = "http://code.google.com/p/exodus", string hash = "sha-1") =>
        server.SendAsync($"<presence from='{from}'><c xmlns='http://jabber.org/protocol/caps' hash='{hash}' node='{node}' ver='{ver}'/></presence>");

    public static XElement Query(string ns, string? node = null) =>
        new(XName.Get("query", ns), node is null ? null : new XAttribute("node", node));
}
