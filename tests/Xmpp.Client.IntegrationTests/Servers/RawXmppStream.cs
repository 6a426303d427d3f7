using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;

namespace Xmpp.Client.IntegrationTests.Servers;

/// <summary>
/// Just enough raw XMPP over a TcpClient to check a test server before the client library exists:
/// stream headers, STARTTLS or direct TLS validated against the test CA, and the stream features.
/// </summary>
internal sealed class RawXmppStream : IAsyncDisposable
{
    public static readonly XNamespace Streams = "http://etherx.jabber.org/streams";
    public static readonly XNamespace Tls = "urn:ietf:params:xml:ns:xmpp-tls";
    public static readonly XNamespace Sasl = "urn:ietf:params:xml:ns:xmpp-sasl";

    private readonly TcpClient _tcp;
    private readonly StringBuilder _received = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly byte[] _buffer = new byte[8192];
    private Stream _stream;

    private RawXmppStream(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawXmppStream> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient(endPoint.AddressFamily);
        try
        {
            await tcp.ConnectAsync(endPoint, cancellationToken);
            return new RawXmppStream(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Sends a client stream header for <paramref name="domain"/> and returns the stream features.</summary>
    public async Task<XElement> OpenStreamAsync(string domain, CancellationToken cancellationToken)
    {
        await SendAsync(
            $"<?xml version='1.0'?><stream:stream to='{domain}' version='1.0' xml:lang='en' "
            + $"xmlns='jabber:client' xmlns:stream='{Streams}'>",
            cancellationToken);
        var text = await ReadUntilAsync("</stream:features>", cancellationToken);
        var start = text.IndexOf("<stream:features", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No <stream:features> in: {text}");
        // The features are a fragment of the open stream: give the stream prefix and default namespace a home.
        var wrapped = $"<w xmlns='jabber:client' xmlns:stream='{Streams}'>{text[start..]}</w>";
        return XElement.Parse(wrapped).Elements().Single();
    }

    /// <summary>Sends &lt;starttls/&gt;, expects &lt;proceed/&gt;, then does the TLS handshake.</summary>
    public async Task StartTlsAsync(string domain, X509Certificate2 ca, CancellationToken cancellationToken)
    {
        await SendAsync($"<starttls xmlns='{Tls}'/>", cancellationToken);
        var answer = await ReadUntilAsync("/>", cancellationToken);
        Assert.Contains("<proceed", answer, StringComparison.Ordinal);
        Assert.True(_received.Length == 0, $"Bytes after <proceed/> before TLS: {_received}");
        await AuthenticateTlsAsync(domain, ca, cancellationToken);
    }

    /// <summary>TLS handshake on the connection as it is (direct TLS, XEP-0368), validated against <paramref name="ca"/>.</summary>
    public async Task AuthenticateTlsAsync(string domain, X509Certificate2 ca, CancellationToken cancellationToken)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(ca);
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = ssl;
        // No validation callback: SslStream rejects any chain or name error against this policy.
        await ssl.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = domain,
                CertificateChainPolicy = policy,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            },
            cancellationToken);
        Assert.True(ssl.IsAuthenticated && ssl.IsEncrypted);
    }

    /// <summary>
    /// Logs in as <paramref name="account"/> the plainest way (STARTTLS, SASL PLAIN, bind), so that a test can send
    /// bytes no client library would write; returns the bound JID.
    /// </summary>
    public async Task<string> LoginAsync(string domain, X509Certificate2 ca, TestAccount account, CancellationToken cancellationToken)
    {
        await OpenStreamAsync(domain, cancellationToken);
        await StartTlsAsync(domain, ca, cancellationToken);
        await OpenStreamAsync(domain, cancellationToken);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{account.User}\0{account.Password}"));
        await SendAsync($"<auth xmlns='{Sasl}' mechanism='PLAIN'>{credentials}</auth>", cancellationToken);
        Assert.Contains("<success", await ReadUntilAsync("/>", cancellationToken), StringComparison.Ordinal);
        await OpenStreamAsync(domain, cancellationToken);
        await SendAsync("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>", cancellationToken);
        var bound = await ReadUntilAsync("</jid>", cancellationToken);
        return bound[(bound.LastIndexOf("<jid>", StringComparison.Ordinal) + "<jid>".Length)..^"</jid>".Length];
    }

    public async Task SendAsync(string xml, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(xml), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads until <paramref name="marker"/> and returns the text up to it; what follows stays buffered.</summary>
    public async Task<string> ReadUntilAsync(string marker, CancellationToken cancellationToken)
    {
        while (true)
        {
            var text = _received.ToString();
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                _received.Remove(0, at + marker.Length);
                return text[..(at + marker.Length)];
            }

            var read = await _stream.ReadAsync(_buffer, cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException($"Stream closed before '{marker}'; received: {text}");
            }

            var chars = new char[_decoder.GetCharCount(_buffer, 0, read)];
            _decoder.GetChars(_buffer, 0, read, chars, 0);
            _received.Append(chars);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
