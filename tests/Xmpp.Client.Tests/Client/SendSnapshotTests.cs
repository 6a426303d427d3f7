using Xmpp.Client.Extensions;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class SendSnapshotTests
{
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com");
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sending_one_message_twice_sends_two_stanzas_with_their_own_ids_and_leaves_the_message_as_it_was()
    {
        var ids = new TaskCompletionSource<(string?, string?)>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var first = await server.ExpectAsync("message");
            var second = await server.ExpectAsync("message");
            ids.SetResult((first.GetAttribute("id"), second.GetAttribute("id")));
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { Extensions = XmppExtensionSet.Default.Remove<Xmpp.Client.Extensions.Roster.RosterExtension>().Remove<Xmpp.Client.Extensions.StanzaIds.StanzaIdsExtension>().Remove<Xmpp.Client.Extensions.Blocking.BlockingExtension>().Remove<Xmpp.Client.Extensions.Carbons.CarbonsExtension>().Remove<Xmpp.Client.Extensions.Mam.MamExtension>() }); // none that talk at login (the archive requires stanza ids)
        await using (client)
        {
            var message = new Message(Juliet, "twice");
            await client.SendAsync(message);
            await client.SendAsync(message);

            var (a, b) = await ids.Task.WaitAsync(Long);
            Assert.False(string.IsNullOrEmpty(a));
            Assert.False(string.IsNullOrEmpty(b));
            Assert.NotEqual(a, b);
            Assert.Null(message.Id);
            Assert.Empty(message.Payloads); // no receipt request or chat state added to the caller's object
        }
    }

    [Fact]
    public async Task Editing_a_message_after_sending_it_changes_nothing_a_resumption_sends_again()
    {
        var resent = new TaskCompletionSource<string>();
        var connection = 0;
        var sent = new TaskCompletionSource();
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await server.ExpectStanzaAsync("message");
                await sent.Task;
                return; // The connection drops before the server acknowledged the message.
            }

            await server.AuthenticateAsync();
            await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='0'/>");
            resent.SetResult((await server.ExpectStanzaAsync("message")).Body());
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            await client.ConnectAsync();
            var message = new Message(Juliet, "as sent");
            await client.SendAsync(message);
            message.Body = "edited afterwards";
            sent.SetResult();

            Assert.Equal("as sent", await resent.Task.WaitAsync(Long));
        }
    }

    [Fact]
    public async Task Editing_a_message_queued_while_reconnecting_changes_nothing_that_is_sent()
    {
        var written = new TaskCompletionSource<string>();
        var connection = 0;
        var reconnect = new TaskCompletionSource();
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginAsync();
                await server.ExpectAsync("presence");
                return; // The connection drops.
            }

            await reconnect.Task;
            await server.LoginAsync();
            written.SetResult((await server.ExpectAsync("message")).Body());
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { StreamManagement = false });
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await client.SendAsync(new Presence { To = Juliet }); // directed: not sent again on the new session
            await states.WaitForAsync(XmppClientState.Reconnecting);
            var message = new Message(Juliet, "as queued");
            await client.SendAsync(message);
            message.Body = "edited afterwards";
            reconnect.SetResult();

            Assert.Equal("as queued", await written.Task.WaitAsync(Long));
        }
    }
}
