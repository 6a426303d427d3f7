namespace Xmpp.Client.Testing.Tests;

public class LoginTests
{
    [Fact]
    public async Task A_client_logs_in_with_its_password_and_gets_the_resource_it_asked_for()
    {
        await using var server = new InMemoryXmppServer("example.com");
        server.AddAccount("bot", "pw");
        await using var bot = new XmppClient(server.CreateClientOptions("bot", "desk"));

        await bot.ConnectAsync();

        Assert.Equal(Jid.Parse("bot@example.com/desk"), bot.BoundJid);
        Assert.Equal(1, server.ConnectedClients("bot"));
    }

    [Fact]
    public async Task A_wrong_password_fails_the_login()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot", options => options with { Password = "wrong" });

        await Assert.ThrowsAsync<XmppAuthenticationException>(() => bot.ConnectAsync());
        Assert.Equal(0, server.ConnectedClients("bot"));
    }

    [Fact]
    public async Task A_second_client_asking_for_a_resource_in_use_gets_another_one()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var first = new XmppClient(server.CreateClientOptions("bot", "same"));
        await using var second = new XmppClient(server.CreateClientOptions("bot", "same"));

        await first.ConnectAsync();
        await second.ConnectAsync();

        Assert.NotEqual(first.BoundJid, second.BoundJid);
        Assert.Equal(2, server.ConnectedClients("bot"));
    }

    [Fact]
    public async Task Disposing_the_server_disconnects_its_clients()
    {
        var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot");
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.StateChanged += change =>
        {
            if (change.State == XmppClientState.Disconnected)
            {
                disconnected.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await bot.ConnectAsync();

        await server.DisposeAsync();

        await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(XmppClientState.Disconnected, bot.State);
    }

    [Fact]
    public void Options_for_an_unknown_account_are_refused()
    {
        var server = new InMemoryXmppServer();

        Assert.Throws<ArgumentException>(() => server.CreateClientOptions("nobody"));
    }
}
