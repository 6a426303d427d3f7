using System.IO.Pipelines;
using System.Text;
using Xmpp.Client.Net;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Benchmarks.Muc;

/// <summary>
/// The server end of an in-memory connection for benchmarks that need a logged-in client without a network: it logs
/// the client in (PLAIN, bind), then writes what the benchmark gives it and drains what the client sends.
/// </summary>
internal sealed class InMemoryServer : ITransportConnector, IAsyncDisposable
{
    private readonly TaskCompletionSource _loggedIn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Stream? _stream;
    private Task _draining = Task.CompletedTask;

    /// <summary>Completes when the client is bound and the server drains its output.</summary>
    public Task LoggedIn => _loggedIn.Task;

    public Task<XmppTransport> ConnectAsync(string domain, string? redirect, CancellationToken cancellationToken)
    {
        var (client, server) = DuplexStream.CreatePair();
        _stream = server;
        _draining = Task.Run(() => ServeAsync(server), CancellationToken.None);
        return Task.FromResult(new XmppTransport(client, "in-memory"));
    }

    /// <summary>Writes bytes to the client as one chunk.</summary>
    public async Task SendAsync(byte[] bytes)
    {
        await _stream!.WriteAsync(bytes).ConfigureAwait(false);
        await _stream.FlushAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAny(_draining, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
    }

    private async Task ServeAsync(Stream stream)
    {
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        var reader = new XmlStreamReader(input);
        try
        {
            await reader.ReadHeaderAsync(default).ConfigureAwait(false);
            await WriteAsync(stream, Header("<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>")).ConfigureAwait(false);
            await reader.ReadElementAsync(default).ConfigureAwait(false); // auth
            await WriteAsync(stream, "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>").ConfigureAwait(false);
            reader.Reset();
            await reader.ReadHeaderAsync(default).ConfigureAwait(false);
            await WriteAsync(stream, Header("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>")).ConfigureAwait(false);
            var bind = await reader.ReadElementAsync(default).ConfigureAwait(false);
            await WriteAsync(stream, $"<iq type='result' id='{bind!.GetAttribute("id")}'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>bot@example.com/bench</jid></bind></iq>").ConfigureAwait(false);
            _loggedIn.TrySetResult();
            while (await reader.ReadElementAsync(default).ConfigureAwait(false) is not null)
            {
                // Drain: the benchmark does not look at what the client sends.
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or OperationCanceledException or XmppXmlException)
        {
            _loggedIn.TrySetException(error);
        }
    }

    private static string Header(string features) =>
        "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
        + $"from='example.com' id='{Guid.NewGuid():N}' version='1.0' xml:lang='en'><stream:features>{features}</stream:features>";

    private static async Task WriteAsync(Stream stream, string xml)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(xml)).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
    }
}
