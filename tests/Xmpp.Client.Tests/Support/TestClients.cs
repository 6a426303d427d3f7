using Microsoft.Extensions.Logging;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Support;

/// <summary>Builds clients connected to scripted in-memory servers.</summary>
internal static class TestClients
{
    public static XmppClientOptions Options(string jid = "user@example.com/test") => new()
    {
        Jid = Jid.Parse(jid),
        Password = "pencil",
        TlsMode = TlsMode.Disabled,
        NegotiationTimeout = TimeSpan.FromSeconds(10),
        IqTimeout = TimeSpan.FromSeconds(10),
        // Scripted servers answer only what a test expects: modules that talk to the server at login (stanza ids)
        // stay off; tests of other modules switch theirs on.
        Extensions = OnlyExtensions.DiscoAndInfo,
        // A scripted connection ends when its script does: tests of reconnection and keepalive switch these on.
        AutoReconnect = false,
        KeepAliveInterval = Timeout.InfiniteTimeSpan,
        PingInterval = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Options for the stream management and reconnection tests: reconnects at once, no timers.</summary>
    public static XmppClientOptions Resilient() => Options() with
    {
        AutoReconnect = true,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        AckRequestInterval = Timeout.InfiniteTimeSpan,
    };

    public static (XmppClient Client, FakeConnector Connector) Create(
        Func<FakeServer, Task> script, XmppClientOptions? options = null, ILoggerFactory? logs = null, TimeProvider? clock = null)
    {
        var connector = new FakeConnector(script);
        return (new XmppClient(options ?? Options(), logs, connector, clock), connector);
    }

    /// <summary>A client logged in to a fake server that then runs <paramref name="afterLogin"/>.</summary>
    public static async Task<(XmppClient Client, FakeConnector Connector)> ConnectedAsync(
        Func<FakeServer, Task> afterLogin, XmppClientOptions? options = null, ILoggerFactory? logs = null)
    {
        var (client, connector) = Create(async server =>
        {
            await server.LoginAsync();
            await afterLogin(server);
        }, options, logs);
        await client.ConnectAsync();
        return (client, connector);
    }

    /// <summary>Reads from the client until it closes the stream (so the server stays up while the test runs).</summary>
    public static async Task UntilClientClosesAsync(this FakeServer server)
    {
        while (await server.ReadElementAsync() is not null)
        {
        }
    }

    public static Iq Ping(string? to = null)
    {
        var ping = new Iq(IqType.Get, new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("ping", "urn:xmpp:ping")));
        if (to is not null)
        {
            ping.To = Jid.Parse(to);
        }

        return ping;
    }
}
