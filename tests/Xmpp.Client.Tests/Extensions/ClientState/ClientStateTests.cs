using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.ClientState;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.ClientState;

/// <summary>Client state indication (XEP-0352) and the nonzas it sends.</summary>
public class ClientStateTests
{
    private const string Ns = "urn:xmpp:csi:0";
    private const string Offered = $"<csi xmlns='{Ns}'/>";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static XmppExtensionSet ClientState => XmppExtensionSet.Empty.Add<ClientStateExtension>();

    [Fact]
    public async Task Inactive_and_active_are_sent_as_top_level_elements_when_the_server_offers_csi()
    {
        await using var live = await LiveServer.StartAsync(ClientState, Offered);
        var csi = live.Client.GetExtension<ClientStateExtension>();

        Assert.True(csi.IsSupported);
        Assert.True(await csi.SetInactiveAsync());
        var inactive = await live.Server.ExpectAsync("inactive");
        Assert.Equal(Ns, inactive.Namespace);
        Assert.True(csi.IsInactive);

        Assert.True(await csi.SetActiveAsync());
        Assert.Equal(Ns, (await live.Server.ExpectAsync("active")).Namespace);
        Assert.False(csi.IsInactive);
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_server_does_not_offer_csi_but_the_state_is_remembered()
    {
        await using var live = await LiveServer.StartAsync(ClientState);
        var csi = live.Client.GetExtension<ClientStateExtension>();

        Assert.False(csi.IsSupported);
        Assert.False(await csi.SetInactiveAsync());
        Assert.True(csi.IsInactive);
        await live.Client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "next"));
        Assert.Equal("message", (await live.Server.ExpectAsync("message")).Name);
    }

    [Fact]
    public async Task An_inactive_client_says_so_again_on_a_new_session_after_a_reconnection()
    {
        var connection = 0;
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reapplied = new TaskCompletionSource<XmppXml>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync(features: Offered); // no stream management: a new session each time
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.ExpectAsync("inactive");
                await dropped.Task.WaitAsync(Wait);
                return; // the connection drops
            }

            var first = await server.ReadElementAsync();
            reapplied.TrySetResult(new XmppXml(first?.Name, first?.Namespace));
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { Extensions = ClientState });
        await using (client)
        {
            await client.ConnectAsync();
            await client.GetExtension<ClientStateExtension>().SetInactiveAsync();
            dropped.TrySetResult();

            Assert.Equal(new XmppXml("inactive", Ns), await reapplied.Task.WaitAsync(Wait));
        }
    }

    [Theory]
    [InlineData("jabber:client", "message")]
    [InlineData("urn:xmpp:sm:3", "r")]
    [InlineData("urn:ietf:params:xml:ns:xmpp-sasl", "auth")]
    [InlineData("http://etherx.jabber.org/streams", "features")]
    [InlineData("", "inactive")]
    public async Task SendNonzaAsync_refuses_elements_the_client_handles_itself(string ns, string name)
    {
        var context = new ContextGrabber();
        await using var live = await LiveServer.StartAsync(XmppExtensionSet.Empty.Add(() => context));

        await Assert.ThrowsAsync<ArgumentException>(() => context.Grabbed!.SendNonzaAsync(new XElement(XName.Get(name, ns))).AsTask());
    }

    [Fact]
    public async Task SendNonzaAsync_throws_when_the_client_is_not_connected()
    {
        var context = new ContextGrabber();
        await using var client = new XmppClient(TestClients.Options() with { Extensions = XmppExtensionSet.Empty.Add(() => context) });

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Grabbed!.SendNonzaAsync(new XElement(XName.Get("inactive", Ns))).AsTask());
    }

    private sealed record XmppXml(string? Name, string? Namespace);

    private sealed class ContextGrabber : XmppExtension
    {
        public XmppExtensionContext? Grabbed { get; private set; }

        protected override void Initialize(XmppExtensionContext context) => Grabbed = context;
    }
}
