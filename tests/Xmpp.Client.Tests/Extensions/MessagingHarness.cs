using Xmpp.Client.Extensions;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions;

/// <summary>
/// A client with some modules switched on, logged in as user@example.com/test to a fake server that the test then
/// drives step by step (send XML, expect what the client sends), instead of writing the whole script up front.
/// </summary>
internal sealed class MessagingHarness : IAsyncDisposable
{
    public const string Account = "user@example.com";
    private readonly FakeServer _server;
    private readonly TaskCompletionSource _done;
    private readonly FakeConnector _connector;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _markers = new();
    private int _markerCount;

    private MessagingHarness(XmppClient client, FakeServer server, TaskCompletionSource done, FakeConnector connector)
    {
        Client = client;
        _server = server;
        _done = done;
        _connector = connector;
        client.MessageReceived += message =>
        {
            if (message.Id is { } id && _markers.TryRemove(id, out var marker))
            {
                marker.TrySetResult();
            }

            return Task.CompletedTask;
        };
    }

    public XmppClient Client { get; }

    /// <param name="modules">The modules to switch on.</param>
    /// <param name="afterLogin">What the server does right after binding (such as answering the modules' start-up queries).</param>
    /// <param name="clock">The client's clock (a <see cref="ManualClock"/> for timers), the system's by default.</param>
    /// <param name="options">The client's options (their extensions are replaced by <paramref name="modules"/>).</param>
    /// <param name="logs">Where the client logs.</param>
    public static async Task<MessagingHarness> ConnectAsync(XmppExtensionSet modules, Func<FakeServer, Task>? afterLogin = null,
        TimeProvider? clock = null, XmppClientOptions? options = null, Microsoft.Extensions.Logging.ILoggerFactory? logs = null)
    {
        var ready = new TaskCompletionSource<FakeServer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, connector) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            if (afterLogin is not null)
            {
                await afterLogin(server);
            }

            ready.SetResult(server);
            await done.Task;
            await server.UntilClientClosesAsync();
        }, (options ?? TestClients.Options()) with { Extensions = modules }, logs, clock);
        await client.ConnectAsync();
        var fake = await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new MessagingHarness(client, fake, done, connector);
    }

    /// <summary>The server sends raw XML to the client.</summary>
    public Task SendAsync(string xml) => _server.SendAsync(xml);

    /// <summary>The next element the client sends, which must be named <paramref name="name"/>.</summary>
    public Task<XmppElement> ExpectAsync(string name = "message") => _server.ExpectAsync(name);

    /// <summary>
    /// Sends a marker message and waits until the client's handlers got it: everything the server sent before has then
    /// been through the modules and events (they run in stream order).
    /// </summary>
    public async Task SyncAsync()
    {
        var id = $"marker-{Interlocked.Increment(ref _markerCount)}";
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _markers[id] = marker;
        await _server.SendAsync($"<message from='sync@example.com/s' id='{id}'/>");
        await marker.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        _done.TrySetResult();
        await Client.DisposeAsync();
        await _connector.ServersCompletion.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
