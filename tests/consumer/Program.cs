using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xmpp.Client;
using Xmpp.Client.Hosting;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Testing;

// Uses the packages' public surface and checks what it gets back; exits non-zero on any surprise.
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

    // A custom IQ handler, asked by the peer (as in the README's cookbook).
    var query = XName.Get("query", "urn:example:stats");
    using var handler = bot.RegisterIqHandler(query.LocalName, query.NamespaceName, (request, token) =>
        Task.FromResult(request.CreateResult(new XElement(query, new XAttribute("handled", 42)))));
    var answer = await alice.SendIqAsync(new Iq(IqType.Get, new XElement(query)) { To = bot.BoundJid });
    if (answer.Payload?.Attribute("handled")?.Value != "42")
    {
        Console.Error.WriteLine($"unexpected IQ answer: {answer}");
        return 1;
    }
}

// The hosting package: a setting missing from configuration stops the client from being created, named by its key.
await using (var services = new ServiceCollection().AddLogging().AddXmppClient(Configuration(("Xmpp:Password", "secret")).GetSection("Xmpp")).Services.BuildServiceProvider())
{
    try
    {
        services.GetRequiredService<XmppClient>();
        Console.Error.WriteLine("options without a JID were accepted");
        return 1;
    }
    catch (OptionsValidationException invalid) when (invalid.Failures.Any(failure => failure.StartsWith("Xmpp:Jid:", StringComparison.Ordinal)))
    {
    }
}

// A Generic Host with the account from (in-memory) configuration, connected through the in-memory server by
// swapping the transport in ConfigureOptions; a bot that echoes; the health check once online.
await using (var server = new InMemoryXmppServer("example.com"))
{
    server.AddAccount("hosted", "hosted-pass");
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddConfiguration(Configuration(
        ("Xmpp:Jid", "hosted@example.com"), ("Xmpp:Password", "hosted-pass"), ("Xmpp:TlsMode", "Disabled"), ("Xmpp:StreamManagement", "false")));
    builder.Services.AddXmppClient(builder.Configuration.GetSection("Xmpp"))
        .ConfigureOptions(options => options with { ConnectionFactory = server.ConnectionFactory });
    builder.Services.AddSingleton<Online>();
    builder.Services.AddXmppBot<EchoBot>();
    builder.Services.AddHealthChecks().AddXmppHealthCheck();
    using var host = builder.Build();
    await host.StartAsync();
    await host.Services.GetRequiredService<Online>().Task.WaitAsync(TimeSpan.FromSeconds(30));

    var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    if (health.Status != HealthStatus.Healthy)
    {
        Console.Error.WriteLine($"the hosted account is {health.Status} once online");
        return 1;
    }

    await using var alice = await server.ConnectPeerAsync("alice");
    await alice.SendMessageAsync(Jid.Parse("hosted@example.com"), "hosted echo?");
    if ((await alice.NextMessageAsync()).Body != "hosted echo?")
    {
        Console.Error.WriteLine("the hosted bot did not echo");
        return 1;
    }

    var client = host.Services.GetRequiredService<XmppClient>();
    await host.StopAsync();
    if (client.State != XmppClientState.Disconnected)
    {
        Console.Error.WriteLine($"the hosted client is {client.State} after the host stopped");
        return 1;
    }
}

Console.WriteLine($"consumer OK: {jid} (Xmpp.Client {typeof(Jid).Assembly.GetName().Version}, with Xmpp.Client.Testing and Xmpp.Client.Hosting, on {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription})");
return 0;

static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
    new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

/// <summary>Completed by the bot once the hosted account is online.</summary>
sealed class Online : TaskCompletionSource
{
    public Online()
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
    }
}

/// <summary>The hosted bot: announces itself, then echoes chat and normal messages.</summary>
sealed class EchoBot(XmppClient client, Online online) : XmppBotService(client)
{
    protected override async Task OnConnectedAsync(CancellationToken stoppingToken)
    {
        await Client.SendAsync(new Presence(), stoppingToken);
        online.TrySetResult();
    }

    protected override async Task OnMessageAsync(Message message, CancellationToken stoppingToken)
    {
        if (message.Body is { } body && message.Type is not (MessageType.Groupchat or MessageType.Error))
        {
            await Client.SendAsync(message.CreateReply(body), stoppingToken);
        }
    }
}
