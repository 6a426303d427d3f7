using System.Xml.Linq;
using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;
using Xunit.Abstractions;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// Presence subscriptions and presence tracking between two live accounts, alice and sender (the accounts this area
/// owns), on Prosody and ejabberd. Each test leaves both accounts without subscriptions or roster items.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PresenceTests(ServersFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Two_accounts_subscribe_to_each_other_and_see_each_other_come_and_go(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var aliceJid = Jid.Parse(server.Account("alice").Jid);
        var senderJid = Jid.Parse(server.Account("sender").Jid);
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice", "presence-a"));
        try
        {
            await using (var sender = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "sender", "presence-s1")))
            {
                await BecomeInterestedAndAvailableAsync(alice);
                await BecomeInterestedAndAvailableAsync(sender);

                // alice → sender, then sender → alice: request, approval, and the approver's presence follows.
                await SubscribeAsync(alice, sender);
                await SubscribeAsync(sender, alice);
                Assert.Equal(sender.BoundJid, alice.Availability.GetBestResource(senderJid)?.Jid);
                Assert.Equal(alice.BoundJid, sender.Availability.GetBestResource(aliceJid)?.Jid);

                var senderLeft = WaitForChange(alice, sender.BoundJid!.Value, available: false);
                await sender.DisconnectAsync();
                await senderLeft;
                Assert.False(alice.Availability.IsAvailable(senderJid));
            }

            // A new session of sender: its initial presence reaches alice, and the server sends it alice's presence.
            await using (var sender = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "sender", "presence-s2")))
            {
                var senderBack = WaitForChange(alice, sender.BoundJid!.Value, available: true);
                var aliceSeen = WaitForChange(sender, alice.BoundJid!.Value, available: true);
                await sender.Availability.SendAvailableAsync(PresenceShow.Chat, "back", 3);
                var seenByAlice = await senderBack;
                await aliceSeen;
                Assert.Equal((PresenceShow.Chat, "back", (sbyte)3), (seenByAlice.Presence!.Show, seenByAlice.Presence.Status, seenByAlice.Presence.Priority));
                Assert.Equal([sender.BoundJid.Value], alice.Availability.GetResources(senderJid).Select(r => r.Jid));
                Assert.Equal([alice.BoundJid.Value], sender.Availability.GetResources(aliceJid).Select(r => r.Jid));

                var aliceLeft = WaitForChange(sender, alice.BoundJid.Value, available: false);
                await alice.DisconnectAsync();
                await aliceLeft;
                Assert.False(sender.Availability.IsAvailable(aliceJid));
                Assert.Empty(alice.Availability.GetAvailableContacts()); // cleared with alice's session
            }
        }
        finally
        {
            await UnsubscribeAndRemoveAsync(server, aliceJid, senderJid);
        }
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task PreApprove_works_where_the_server_announces_it_and_is_refused_elsewhere(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var aliceJid = Jid.Parse(server.Account("alice").Jid);
        var senderJid = Jid.Parse(server.Account("sender").Jid);
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice", "preapprove-a"));
        await using var sender = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "sender", "preapprove-s"));
        var announced = alice.Negotiated!.Features.Element("sub", "urn:xmpp:features:pre-approval") is not null;
        Assert.Equal(announced, alice.Availability.IsPreApprovalSupported);
        output.WriteLine($"{serverName} announces pre-approval: {announced}");
        if (!announced)
        {
            await Assert.ThrowsAsync<NotSupportedException>(() => alice.Availability.PreApproveAsync(senderJid).AsTask());
            return;
        }

        try
        {
            await BecomeInterestedAndAvailableAsync(alice);
            await BecomeInterestedAndAvailableAsync(sender);
            var asked = false;
            alice.Availability.SubscriptionRequested += _ =>
            {
                asked = true;
                return Task.CompletedTask;
            };
            await alice.Availability.PreApproveAsync(senderJid);
            // A round trip on alice's stream: her server has processed the pre-approval before sender asks (the two
            // clients' streams are independent, so without it the subscription request can overtake it).
            await alice.SendIqAsync(new Stanzas.Iq(Stanzas.IqType.Get, new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("ping", "urn:xmpp:ping")))
            {
                To = new Jid(null, server.Domain),
            });

            // alice's server approves on her behalf: sender is approved without alice answering.
            var approved = WaitForApproval(sender, aliceJid);
            await sender.Availability.SubscribeAsync(aliceJid);
            await approved;
            Assert.False(asked);
        }
        finally
        {
            await UnsubscribeAndRemoveAsync(server, aliceJid, senderJid);
        }
    }

    /// <summary>
    /// Fetches the roster, then sends initial presence: servers deliver subscription answers only to "interested"
    /// resources, the ones that asked for the roster (RFC 6121 §3.1.6; Prosody keeps to it strictly).
    /// </summary>
    private static async Task BecomeInterestedAndAvailableAsync(XmppClient client)
    {
        await RosterJidsAsync(client);
        await client.Availability.SendAvailableAsync();
    }

    /// <summary><paramref name="from"/> asks <paramref name="to"/>, which approves; waits for the approval and for
    /// <paramref name="to"/>'s presence to reach <paramref name="from"/>.</summary>
    private static async Task SubscribeAsync(XmppClient from, XmppClient to)
    {
        var fromBare = from.BoundJid!.Value.Bare;
        var toBare = to.BoundJid!.Value.Bare;
        var requested = new TaskCompletionSource<SubscriptionEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<SubscriptionEventArgs, Task> approve = async args =>
        {
            if (args.Contact == fromBare)
            {
                await to.Availability.ApproveAsync(args.Contact);
                requested.TrySetResult(args);
            }
        };
        to.Availability.SubscriptionRequested += approve;
        try
        {
            var approved = WaitForApproval(from, toBare);
            var presence = WaitForChange(from, to.BoundJid.Value, available: true);
            await from.Availability.SubscribeAsync(toBare, "presence test");
            Assert.Equal("presence test", (await requested.Task.WaitAsync(Wait)).Status);
            await approved;
            await presence;
        }
        finally
        {
            to.Availability.SubscriptionRequested -= approve;
        }
    }

    private static Task<ContactPresenceChangedEventArgs> WaitForChange(XmppClient client, Jid resource, bool available) =>
        WaitFor<ContactPresenceChangedEventArgs>(
            handler => client.Availability.ContactPresenceChanged += handler,
            handler => client.Availability.ContactPresenceChanged -= handler,
            args => args.Resource == resource && args.IsAvailable == available);

    private static Task<SubscriptionEventArgs> WaitForApproval(XmppClient client, Jid contact) =>
        WaitFor<SubscriptionEventArgs>(
            handler => client.Availability.SubscriptionApproved += handler,
            handler => client.Availability.SubscriptionApproved -= handler,
            args => args.Contact == contact);

    /// <summary>Subscribes now, completes with the first matching event, unsubscribes; fails after <see cref="Wait"/>.</summary>
    private static async Task<T> WaitFor<T>(Action<Func<T, Task>> add, Action<Func<T, Task>> remove, Func<T, bool> match)
    {
        var seen = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<T, Task> handler = args =>
        {
            if (match(args))
            {
                seen.TrySetResult(args);
            }

            return Task.CompletedTask;
        };
        add(handler);
        try
        {
            return await seen.Task.WaitAsync(Wait);
        }
        finally
        {
            remove(handler);
        }
    }

    /// <summary>Leaves both accounts as they were: subscriptions ended both ways and no roster items.</summary>
    private async Task UnsubscribeAndRemoveAsync(XmppTestServer server, Jid aliceJid, Jid senderJid)
    {
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice", "presence-cleanup"));
        await using var sender = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "sender", "presence-cleanup"));
        foreach (var (client, contact) in new[] { (alice, senderJid), (sender, aliceJid) })
        {
            await client.Availability.UnsubscribeAsync(contact);
            await client.Availability.CancelAsync(contact);
        }

        foreach (var (client, contact) in new[] { (alice, senderJid), (sender, aliceJid) })
        {
            await RemoveRosterItemAsync(client, contact);
            Assert.DoesNotContain(contact.ToString(), await RosterJidsAsync(client));
        }
    }

    private static async Task RemoveRosterItemAsync(XmppClient client, Jid contact)
    {
        var remove = new Iq(IqType.Set, RosterQuery(new XElement(RosterName("item"), new XAttribute("jid", contact.ToString()), new XAttribute("subscription", "remove"))));
        try
        {
            await client.SendIqAsync(remove);
        }
        catch (XmppIqErrorException error) when (error.Error.Condition == StanzaErrorCondition.ItemNotFound)
        {
            // Already gone (RFC 6121 §2.5.3): nothing to clean up.
        }
    }

    private static async Task<IReadOnlyList<string>> RosterJidsAsync(XmppClient client)
    {
        var result = await client.SendIqAsync(new Iq(IqType.Get, RosterQuery()));
        return result.Payload!.Elements(RosterName("item")).Select(item => (string)item.Attribute("jid")!).ToList();
    }

    private static XElement RosterQuery(params object[] content) => new(RosterName("query"), content);

    private static XName RosterName(string localName) => XName.Get(localName, "jabber:iq:roster");
}
