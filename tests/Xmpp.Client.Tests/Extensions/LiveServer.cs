using Xmpp.Client.Extensions;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions;

/// <summary>
/// A client logged in to a fake server that the test drives step by step (send a push, read the answer, answer a
/// request), for module tests. Only the modules asked for are switched on.
/// </summary>
internal sealed class LiveServer : IAsyncDisposable
{
    private readonly TaskCompletionSource _release;
    private readonly FakeConnector _connector;

    private LiveServer(XmppClient client, FakeConnector connector, FakeServer server, TaskCompletionSource release)
    {
        Client = client;
        _connector = connector;
        Server = server;
        _release = release;
    }

    public XmppClient Client { get; }

    public FakeServer Server { get; }

    /// <summary>Logs a client with <paramref name="modules"/> in; <paramref name="features"/> are offered after authentication.</summary>
    public static async Task<LiveServer> StartAsync(XmppExtensionSet modules, string features = "", string jid = "user@example.com/test")
    {
        var ready = new TaskCompletionSource<FakeServer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, connector) = TestClients.Create(async server =>
        {
            await server.LoginAsync(Jid.Parse(jid).Local!, features);
            ready.SetResult(server);
            await release.Task;
            await server.UntilClientClosesAsync();
        }, TestClients.Options(jid) with { Extensions = modules });
        var connecting = client.ConnectAsync();
        var server = await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await connecting.WaitAsync(TimeSpan.FromSeconds(10));
        return new LiveServer(client, connector, server, release);
    }

    /// <summary>Sends <paramref name="xml"/> (a request to the client) and returns the client's answer.</summary>
    public async Task<XmppElement> SendAndReadAsync(string xml)
    {
        await Server.SendAsync(xml);
        return await Server.ExpectAsync("iq");
    }

    /// <summary>Reads the client's next IQ request and answers it with <paramref name="answer"/>(id).</summary>
    public async Task<XmppElement> AnswerAsync(Func<string, string> answer)
    {
        var request = await Server.ExpectAsync("iq");
        await Server.SendAsync(answer(request.GetAttribute("id")!));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await Client.DisposeAsync();
        await _connector.ServersCompletion.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
