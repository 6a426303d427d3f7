using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class DisposeTests
{
    [Fact]
    public async Task DisposeAsync_returns_without_throwing_when_a_write_is_stuck_on_a_peer_that_reads_nothing()
    {
        var release = new TaskCompletionSource();
        var (client, _) = await TestClients.ConnectedAsync(async server => await release.Task); // reads nothing more

        // 1 MB is far beyond what the connection buffers, so the write waits for a reader that never comes and holds
        // the writer: closing the stream politely cannot happen, and disposing must give up on it after its timeout.
        var send = client.SendAsync(new Message(Jid.Parse("juliet@example.com"), new string('x', 1 << 20))).AsTask();
        await Task.Delay(100);
        Assert.False(send.IsCompleted);

        await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(XmppClientState.Disconnected, client.State);
        await Assert.ThrowsAsync<XmppConnectionLostException>(() => send);
        release.SetResult();
    }
}
