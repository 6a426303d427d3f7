using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Session;

namespace Xmpp.Client.Net;

/// <summary>
/// Opens the TCP connection to the account's server: the endpoints from DNS (or the configured host) in order, each
/// address of each endpoint in turn, each attempt bounded by <see cref="XmppClientOptions.ConnectTimeout"/>; direct
/// TLS endpoints get their TLS handshake here. Nothing is left open after a failed attempt.
/// </summary>
internal sealed class TcpConnector : ITransportConnector
{
    /// <summary>The ALPN protocol id of XMPP client streams over direct TLS (XEP-0368).</summary>
    private static readonly SslApplicationProtocol XmppClientAlpn = new("xmpp-client");

    private readonly XmppClientOptions _options;
    private readonly EndpointResolver _resolver;
    private readonly ILogger _logger;

    public TcpConnector(XmppClientOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _resolver = new EndpointResolver(options.DnsServers, logger);
    }

    public async Task<XmppTransport> ConnectAsync(string domain, string? redirect, CancellationToken cancellationToken)
    {
        var attempts = new List<XmppConnectAttempt>();
        try
        {
            await foreach (var endpoint in EndpointsAsync(domain, redirect, cancellationToken).ConfigureAwait(false))
            {
                if (_options.TlsMode == TlsMode.DirectTls && !endpoint.DirectTls)
                {
                    attempts.Add(new XmppConnectAttempt(endpoint.ToString(), "skipped: TlsMode is DirectTls and this endpoint uses STARTTLS"));
                    continue;
                }

                if (endpoint.Addresses.Count == 0)
                {
                    attempts.Add(new XmppConnectAttempt(endpoint.ToString(), endpoint.ResolutionError ?? "no address found"));
                    continue;
                }

                foreach (var address in endpoint.Addresses)
                {
                    var transport = await TryConnectAsync(domain, endpoint, address, attempts, cancellationToken).ConfigureAwait(false);
                    if (transport is not null)
                    {
                        return transport;
                    }
                }
            }
        }
        catch (XmppException error)
        {
            // The resolver's verdict on the domain itself: it does not exist, or says it offers no client service.
            attempts.Add(new XmppConnectAttempt($"DNS for {redirect ?? domain}", error.Message, error));
        }

        throw new XmppConnectException(redirect ?? domain, attempts);
    }

    private async Task<XmppTransport?> TryConnectAsync(
        string domain, XmppEndpoint endpoint, IPAddress address, List<XmppConnectAttempt> attempts, CancellationToken cancellationToken)
    {
        var description = $"{endpoint} at {new IPEndPoint(address, endpoint.Port)}";
        SessionLog.Connecting(_logger, description);
        Socket? socket = null;
        XmppTransport? transport = null;
        try
        {
            socket = await SocketConnector.ConnectAsync(new IPEndPoint(address, endpoint.Port), _options.ConnectTimeout, cancellationToken)
                .ConfigureAwait(false);
            transport = new XmppTransport(new NetworkStream(socket, ownsSocket: true), description);
            socket = null;
            if (endpoint.DirectTls)
            {
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                handshake.CancelAfter(_options.ConnectTimeout);
                await transport.UpgradeToTlsAsync(new TlsClientSettings(domain, _options, [XmppClientAlpn]), handshake.Token).ConfigureAwait(false);
            }

            return transport;
        }
        catch (Exception error) when (error is SocketException or TimeoutException or IOException or XmppTlsException
                                      or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket?.Dispose();
            if (transport is not null)
            {
                await transport.DisposeAsync().ConfigureAwait(false);
            }

            var reason = error switch
            {
                SocketException socketError => socketError.SocketErrorCode.ToString(),
                OperationCanceledException => "TLS handshake timed out",
                _ => error.Message,
            };
            SessionLog.ConnectFailed(_logger, description, reason);
            attempts.Add(new XmppConnectAttempt(description, reason, error));
            return null;
        }
    }

    private async IAsyncEnumerable<XmppEndpoint> EndpointsAsync(string domain, string? redirect,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var directTls = _options.TlsMode == TlsMode.DirectTls;
        if (redirect is not null || _options.Host is not null)
        {
            var (host, port) = redirect is not null
                ? ParseHostAndPort(redirect, directTls ? 5223 : EndpointResolver.DefaultPort)
                : (_options.Host!, _options.Port ?? (directTls ? 5223 : EndpointResolver.DefaultPort));
            yield return await _resolver.ResolveHostAsync(host, port, directTls, cancellationToken).ConfigureAwait(false);
            yield break;
        }

        await foreach (var endpoint in _resolver.ResolveAsync(domain, allowDirectTls: _options.TlsMode != TlsMode.Disabled, cancellationToken)
                           .ConfigureAwait(false))
        {
            yield return endpoint;
        }
    }

    /// <summary>Parses <c>host</c>, <c>host:port</c>, <c>[v6]</c> or <c>[v6]:port</c> (RFC 6120 §4.9.3.19).</summary>
    internal static (string Host, int Port) ParseHostAndPort(string value, int defaultPort)
    {
        var text = value.Trim();
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            var host = close > 0 ? text[1..close] : text;
            var rest = close > 0 ? text[(close + 1)..] : string.Empty;
            return (host, rest.StartsWith(':') && TryPort(rest[1..], out var p6) ? p6 : defaultPort);
        }

        var colon = text.LastIndexOf(':');
        return colon > 0 && text.IndexOf(':', StringComparison.Ordinal) == colon && TryPort(text[(colon + 1)..], out var port)
            ? (text[..colon], port)
            : (text, defaultPort);
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536;
}
