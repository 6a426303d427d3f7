using Xmpp.Client;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Testing;

// Uses the package's public surface and checks what it gets back; exits non-zero on any surprise.
var jid = Jid.Parse("Juliet@Example.COM/Balcony");
if (jid.ToString() != "juliet@example.com/Balcony" || jid.Bare.ToString() != "juliet@example.com")
{
    Console.Error.WriteLine($"unexpected JID: {jid}");
    return 1;
}

// The test kit from its own package: a bot and a peer on the in-memory server, one message each way.
await using (var server = new InMemoryXmppServer("example.com"))
{
    server.AddAccount("bot", "secret");
    await using var bot = server.CreateClient("bot");
    bot.MessageReceived += async message => await bot.SendAsync(message.CreateReply(message.Body));
    await bot.ConnectAsync();
    await using var alice = await server.ConnectPeerAsync("alice");
    await alice.SendMessageAsync(Jid.Parse("bot@example.com"), "echo?");
    if ((await alice.NextMessageAsync()).Body != "echo?")
    {
        Console.Error.WriteLine("the in-memory server did not echo");
        return 1;
    }
}

Console.WriteLine($"consumer OK: {jid} (Xmpp.Client {typeof(Jid).Assembly.GetName().Version}, with Xmpp.Client.Testing)");
return 0;
