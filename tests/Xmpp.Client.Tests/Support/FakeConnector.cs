using Xmpp.Client.Net;

namespace Xmpp.Client.Tests.Support;

/// <summary>Connects the client to in-memory fake servers, running <c>script</c> as the server of each connection.</summary>
internal sealed class FakeConnector : ITransportConnector
{
    private readonly Func<FakeServer, Task> _script;
    private readonly List<Task> _servers = [];

    public FakeConnector(Func<FakeServer, Task> script)
    {
        _script = script;
    }

    public List<string?> Redirects { get; } = [];

    /// <summary>The server scripts started so far (await them to see their assertion failures).</summary>
    public Task ServersCompletion => Task.WhenAll(_servers);

    public Task<XmppTransport> ConnectAsync(string domain, string? redirect, CancellationToken cancellationToken)
    {
        Redirects.Add(redirect);
        var (client, server) = DuplexStream.CreatePair();
        _servers.Add(Task.Run(async () =>
        {
            await using var fake = new FakeServer(server);
            await _script(fake);
        }, CancellationToken.None));
        return Task.FromResult(new XmppTransport(client, "in-memory"));
    }
}
