using System.Net.Security;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Net;

/// <summary>Connects through the user's <see cref="XmppConnectionFactory"/>, with the TLS handshake first for direct TLS.</summary>
internal sealed class FactoryConnector : ITransportConnector
{
    private static readonly SslApplicationProtocol XmppClientAlpn = new("xmpp-client");

    private readonly XmppConnectionFactory _factory;
    private readonly XmppClientOptions _options;

    public FactoryConnector(XmppConnectionFactory factory, XmppClientOptions options)
    {
        _factory = factory;
        _options = options;
    }

    public async Task<XmppTransport> ConnectAsync(string domain, string? redirect, CancellationToken cancellationToken)
    {
        var stream = await _factory.ConnectAsync(domain, redirect, cancellationToken).ConfigureAwait(false)
                     ?? throw new InvalidOperationException($"{_factory.GetType().Name}.ConnectAsync returned null instead of a stream.");
        var transport = new XmppTransport(stream, $"{_factory.GetType().Name} for {redirect ?? domain}");
        if (_options.TlsMode != TlsMode.DirectTls)
        {
            return transport;
        }

        try
        {
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            handshake.CancelAfter(_options.ConnectTimeout);
            await transport.UpgradeToTlsAsync(new TlsClientSettings(domain, _options, [XmppClientAlpn]), handshake.Token).ConfigureAwait(false);
            return transport;
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The connector the options ask for: the user's factory, or TCP.</summary>
    public static ITransportConnector Create(XmppClientOptions options, ILoggerFactory factory) =>
        options.ConnectionFactory is { } connectionFactory
            ? new FactoryConnector(connectionFactory, options)
            : new TcpConnector(options, factory.CreateLogger("Xmpp.Client.Net"));
}
