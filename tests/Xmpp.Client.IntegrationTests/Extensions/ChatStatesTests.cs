using Xmpp.Client.Extensions.ChatStates;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Chat states (XEP-0085) from alice to bob on Prosody and ejabberd.</summary>
[Collection(ServersCollection.Name)]
public sealed class ChatStatesTests(ServersFixture fixture)
{
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Composing_from_alice_reaches_bob_as_a_chat_state(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice"));
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        var notification = new TaskCompletionSource<ChatStateNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.ChatStates.ChatStateReceived += received =>
        {
            if (received.From == alice.BoundJid)
            {
                notification.TrySetResult(received);
            }

            return Task.CompletedTask;
        };

        Assert.True(await alice.ChatStates.SendAsync(bob.BoundJid!.Value, ChatState.Composing));
        var composing = await notification.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(ChatState.Composing, composing.State);
        Assert.Null(composing.Message.Body);
        Assert.Equal(Stanzas.MessageType.Chat, composing.Message.Type);
    }
}
