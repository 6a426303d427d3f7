using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Support;

/// <summary>
/// The server end of an in-memory connection, driven by a test script: reads what the client sends with the
/// library's own XML reader, and sends raw XML text.
/// </summary>
internal sealed class FakeServer : IAsyncDisposable
{
    public const string Domain = "example.com";
    private Stream _stream;
    private PipeReader _input;
    private XmlStreamReader _reader;

    public FakeServer(Stream stream)
    {
        _stream = stream;
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        _reader = new XmlStreamReader(_input);
    }

    /// <summary>Everything the client sent, element by element, as XML text (for assertions).</summary>
    public List<string> Received { get; } = [];

    public async Task<XmlStreamHeader> ReadStreamHeaderAsync()
    {
        _reader.Reset();
        return await _reader.ReadHeaderAsync(Timeout()).ConfigureAwait(false);
    }

    /// <summary>Reads the client's header, answers with ours and the given features.</summary>
    public async Task<XmlStreamHeader> AcceptStreamAsync(string features)
    {
        var header = await ReadStreamHeaderAsync().ConfigureAwait(false);
        await SendAsync($"<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' " +
                        $"from='{Domain}' id='{Guid.NewGuid():N}' version='1.0' xml:lang='en'><stream:features>{features}</stream:features>")
            .ConfigureAwait(false);
        return header;
    }

    /// <summary>The next element from the client; <see langword="null"/> when it closed the stream.</summary>
    public async Task<XmppElement?> ReadElementAsync()
    {
        var element = await _reader.ReadElementAsync(Timeout()).ConfigureAwait(false);
        if (element is not null)
        {
            Received.Add(element.ToString());
        }

        return element;
    }

    /// <summary>The next element, which must have the given name.</summary>
    public async Task<XmppElement> ExpectAsync(string name)
    {
        var element = await ReadElementAsync().ConfigureAwait(false);
        Assert.NotNull(element);
        Assert.Equal(name, element.Name);
        return element;
    }

    public async Task SendAsync(string xml)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(xml)).ConfigureAwait(false);
        await _stream.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Sends raw bytes (for what XML text cannot carry, such as invalid UTF-8).</summary>
    public async Task SendBytesAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes).ConfigureAwait(false);
        await _stream.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Answers STARTTLS: sends proceed and runs the server side of the TLS handshake.</summary>
    public async Task ProceedWithTlsAsync(X509Certificate2 certificate)
    {
        await SendAsync("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>").ConfigureAwait(false);
        await _input.CompleteAsync().ConfigureAwait(false);
        var tls = new SslStream(_stream);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, Timeout()).ConfigureAwait(false);
        _stream = tls;
        _input = PipeReader.Create(tls, new StreamPipeReaderOptions(leaveOpen: true));
        _reader = new XmlStreamReader(_input);
    }

    /// <summary>
    /// A whole plain-text login with PLAIN: features, auth, success, restart, bind (with the requested resource or
    /// "generated"), and returns the bound JID. <paramref name="features"/> is added to the stream features offered
    /// after authentication (such as roster versioning).
    /// </summary>
    public async Task<string> LoginAsync(string user = "user", string features = "")
    {
        await AcceptStreamAsync("<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>").ConfigureAwait(false);
        await ExpectAsync("auth").ConfigureAwait(false);
        await SendAsync("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>").ConfigureAwait(false);
        await AcceptStreamAsync("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>" + features).ConfigureAwait(false);
        var bind = await ExpectAsync("iq").ConfigureAwait(false);
        var resource = bind.Element("bind", "urn:ietf:params:xml:ns:xmpp-bind")?.Element("resource", "urn:ietf:params:xml:ns:xmpp-bind")?.Value ?? "generated";
        var jid = $"{user}@{Domain}/{resource}";
        await SendAsync($"<iq type='result' id='{bind.GetAttribute("id")}'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>{jid}</jid></bind></iq>").ConfigureAwait(false);
        return jid;
    }

    public async ValueTask DisposeAsync()
    {
        await _input.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
