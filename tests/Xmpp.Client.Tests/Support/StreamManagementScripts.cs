using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Support;

/// <summary>The server side of XEP-0198 for scripted tests.</summary>
internal static class StreamManagementScripts
{
    public const string Ns = "urn:xmpp:sm:3";
    public const string Feature = "<sm xmlns='urn:xmpp:sm:3'/>";
    private const string Plain = "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>";

    /// <summary>Login offering stream management; answers the client's enable with a resumable session <paramref name="id"/>.</summary>
    public static async Task<XmppElement> LoginWithStreamManagementAsync(this FakeServer server, string id = "sm-1")
    {
        await server.LoginAsync(features: Feature);
        var enable = await server.ExpectAsync("enable");
        Assert.Equal(Ns, enable.Namespace);
        await server.SendAsync($"<enabled xmlns='{Ns}' id='{id}' resume='true' max='120'/>");
        return enable;
    }

    /// <summary>Authenticates and offers bind + stream management; returns the client's next element (resume or bind).</summary>
    public static async Task<XmppElement> AuthenticateAsync(this FakeServer server)
    {
        await server.AcceptStreamAsync(Plain);
        await server.ExpectAsync("auth");
        await server.SendAsync("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
        await server.AcceptStreamAsync("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>" + Feature);
        var next = await server.ReadElementAsync();
        Assert.NotNull(next);
        return next;
    }

    /// <summary>Answers a bind request (already read) and the enable that follows.</summary>
    public static async Task BindAndEnableAsync(this FakeServer server, XmppElement bind, string id = "sm-2")
    {
        Assert.Equal("iq", bind.Name);
        await server.SendAsync($"<iq type='result' id='{bind.GetAttribute("id")}'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>user@example.com/test</jid></bind></iq>");
        await server.ExpectAsync("enable");
        await server.SendAsync($"<enabled xmlns='{Ns}' id='{id}' resume='true'/>");
    }

    /// <summary>Reads until a stanza (skipping acknowledgement requests and answers) and returns it.</summary>
    public static async Task<XmppElement> ExpectStanzaAsync(this FakeServer server, string name)
    {
        while (true)
        {
            var element = await server.ReadElementAsync();
            Assert.NotNull(element);
            if (element.Namespace == Ns)
            {
                continue;
            }

            Assert.Equal(name, element.Name);
            return element;
        }
    }

    public static string Body(this XmppElement message) => message.Element("body", "jabber:client")?.Value ?? "";
}
