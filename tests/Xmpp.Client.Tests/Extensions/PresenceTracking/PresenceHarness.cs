using System.Collections.Concurrent;
using System.Threading.Channels;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.PresenceTracking;

/// <summary>
/// A client logged in as <c>user@example.com/test</c> to a fake server the test drives step by step: the server sends
/// what the test gives it, and everything the client sends can be read in order.
/// </summary>
internal sealed class PresenceHarness : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly Channel<string> _toClient = Channel.CreateUnbounded<string>();
    private readonly Channel<XmppElement> _fromClient = Channel.CreateUnbounded<XmppElement>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _markers = new();
    private readonly FakeConnector _connector;
    private int _markerCount;

    private PresenceHarness(string features, XmppClientOptions? options)
    {
        _connector = new FakeConnector(RunServerAsync);
        Client = new XmppClient(options ?? TestClients.Options() with { Extensions = OnlyExtensions.Availability }, null, _connector);
        Client.MessageReceived += message =>
        {
            if (message.Id is { } id && _markers.TryGetValue(id, out var marker))
            {
                marker.TrySetResult();
            }

            return Task.CompletedTask;
        };
        Features = features;
    }

    public XmppClient Client { get; }

    /// <summary>What the server offers after authentication, besides resource binding.</summary>
    private string Features { get; }

    /// <summary>A harness whose client is not connected yet (subscribe to events, then call <see cref="ConnectAsync"/>).</summary>
    public static PresenceHarness Create(string features = "", XmppClientOptions? options = null) => new(features, options);

    /// <summary>A harness whose client is connected.</summary>
    public static async Task<PresenceHarness> ConnectedAsync(string features = "")
    {
        var harness = Create(features);
        await harness.ConnectAsync();
        return harness;
    }

    public Task ConnectAsync() => Client.ConnectAsync();

    /// <summary>
    /// The server sends the stanzas, then a marker message; returns once the client raised the marker, so every
    /// event about the stanzas has run.
    /// </summary>
    public async Task ServerSendsAsync(params string[] stanzas)
    {
        var id = $"marker-{Interlocked.Increment(ref _markerCount)}";
        var marker = _markers.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        foreach (var stanza in stanzas)
        {
            await _toClient.Writer.WriteAsync(stanza);
        }

        await _toClient.Writer.WriteAsync($"<message id='{id}' from='{FakeServer.Domain}'/>");
        await marker.Task.WaitAsync(Wait);
    }

    /// <summary>The server sends the stanza without waiting for the client to handle it.</summary>
    public ValueTask ServerPushesAsync(string stanza) => _toClient.Writer.WriteAsync(stanza);

    /// <summary>The next element the client sent.</summary>
    public async Task<XmppElement> NextSentAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await _fromClient.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _toClient.Writer.TryComplete();
        await Client.DisposeAsync();
        await _connector.ServersCompletion.WaitAsync(Wait);
    }

    private async Task RunServerAsync(FakeServer server)
    {
        await server.AcceptStreamAsync("<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>");
        await server.ExpectAsync("auth");
        await server.SendAsync("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
        await server.AcceptStreamAsync($"<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>{Features}");
        var bind = await server.ExpectAsync("iq");
        await server.SendAsync($"<iq type='result' id='{bind.GetAttribute("id")}'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>user@{FakeServer.Domain}/test</jid></bind></iq>");
        // One server per connection (a test may reconnect); each sends until its client closes the stream.
        using var closed = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            try
            {
                await foreach (var xml in _toClient.Reader.ReadAllAsync(closed.Token))
                {
                    await server.SendAsync(xml);
                }
            }
            catch (OperationCanceledException) when (closed.IsCancellationRequested)
            {
                // The client closed this connection; what is left is for the next one.
            }
        });
        while (await server.ReadElementAsync() is { } element)
        {
            await _fromClient.Writer.WriteAsync(element);
        }

        await closed.CancelAsync();
        await writing;
    }
}
