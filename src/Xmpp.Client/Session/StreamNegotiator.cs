using Microsoft.Extensions.Logging;
using Xmpp.Client.Internal;
using Xmpp.Client.Net;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// Negotiates a client stream (RFC 6120 §4–7): stream header and features, STARTTLS, SASL, stream restart,
/// resource binding, and the legacy session establishment where a server still requires it.
/// </summary>
internal sealed class StreamNegotiator
{
    private readonly XmppClientOptions _options;
    private readonly ILogger _logger;

    private readonly string? _password;

    /// <summary>Creates the negotiator.</summary>
    /// <param name="options">The account and connection settings.</param>
    /// <param name="logger">Where logs go.</param>
    /// <param name="password">The password to authenticate with, when it is not <see cref="XmppClientOptions.Password"/> (changed in-band since).</param>
    public StreamNegotiator(XmppClientOptions options, ILogger logger, string? password = null)
    {
        _options = options;
        _logger = logger;
        _password = password ?? options.Password;
    }

    /// <summary>Runs the negotiation on a connected stream and returns what was negotiated.</summary>
    /// <exception cref="XmppTlsException">TLS is required and could not be established.</exception>
    /// <exception cref="XmppAuthenticationException">Authentication failed.</exception>
    /// <exception cref="XmppStreamErrorException">The stream ended with a stream error.</exception>
    /// <exception cref="XmppConnectionLostException">The server closed the connection.</exception>
    /// <param name="stream">The connected stream.</param>
    /// <param name="tls">How to check the server's certificate.</param>
    /// <param name="streamManagement">The client's XEP-0198 state, or <see langword="null"/> when it is switched off.</param>
    /// <param name="outbound">The stanzas sent and not yet acknowledged (a resumption's count is checked against them).</param>
    /// <param name="resumeAs">The JID of the session to resume, or <see langword="null"/> for a new session.</param>
    /// <param name="cancellationToken">Cancels the negotiation.</param>
    public async Task<NegotiatedSession> NegotiateAsync(XmppStream stream, TlsClientSettings tls, StreamManagementState? streamManagement,
        OutboundQueue outbound, Jid? resumeAs, CancellationToken cancellationToken)
    {
        var domain = _options.Jid.Domain;
        var features = await SecureAsync(stream, tls, announceAccount: true, cancellationToken).ConfigureAwait(false);
        stream.Stage = "SASL authentication";
        var authenticator = new SaslAuthenticator(_options, _password, _logger);
        var mechanism = await authenticator.AuthenticateAsync(stream, features, cancellationToken).ConfigureAwait(false);
        features = await stream.OpenAsync(domain, AccountFrom(stream), cancellationToken).ConfigureAwait(false);

        var early = new EarlyElements(_options.MaxStanzaBytes);
        var sm = streamManagement is not null && StreamManagementNegotiator.IsOffered(features)
            ? new StreamManagementNegotiator(streamManagement, outbound, _logger)
            : null;
        uint? serverHandled = null;
        if (sm is not null && resumeAs is { } previous && streamManagement!.ResumptionId is not null)
        {
            stream.Stage = "stream management resumption";
            var (resumed, handled) = await sm.ResumeAsync(stream, early, cancellationToken).ConfigureAwait(false);
            if (resumed)
            {
                return new NegotiatedSession(previous, features, stream.ServerHeader!, mechanism, stream.Transport.IsEncrypted)
                {
                    StreamManagement = true,
                    Resumed = true,
                    ServerHandled = handled,
                    EarlyElements = early.Elements,
                };
            }

            serverHandled = handled;
        }

        stream.Stage = "resource binding";
        var binder = new ResourceBinder(_options, _logger);
        var bound = await binder.BindAsync(stream, features, cancellationToken).ConfigureAwait(false);
        stream.Stage = "enabling stream management";
        var enabled = sm is not null && await sm.EnableAsync(stream, early, cancellationToken).ConfigureAwait(false);
        if (!enabled)
        {
            streamManagement?.Forget();
        }

        return new NegotiatedSession(bound, features, stream.ServerHeader!, mechanism, stream.Transport.IsEncrypted)
        {
            StreamManagement = enabled,
            ServerHandled = serverHandled,
            EarlyElements = early.Elements,
        };
    }

    /// <summary>
    /// Opens the stream and, unless TLS is switched off, encrypts it (STARTTLS, or nothing more over direct TLS);
    /// returns the stream features offered on the encrypted stream, before any authentication.
    /// </summary>
    /// <param name="stream">The connected stream.</param>
    /// <param name="tls">How to check the server's certificate.</param>
    /// <param name="announceAccount">Whether the stream header names the account (RFC 6120 §4.7.1); not before it exists.</param>
    /// <param name="cancellationToken">Cancels the negotiation.</param>
    /// <exception cref="XmppTlsException">TLS is required and could not be established.</exception>
    public async Task<XmppElement> SecureAsync(XmppStream stream, TlsClientSettings tls, bool announceAccount, CancellationToken cancellationToken)
    {
        var domain = _options.Jid.Domain;
        var features = await stream.OpenAsync(domain, from: null, cancellationToken).ConfigureAwait(false);
        if (!stream.Transport.IsEncrypted && _options.TlsMode != TlsMode.Disabled)
        {
            return await StartTlsAsync(stream, features, tls, announceAccount, cancellationToken).ConfigureAwait(false);
        }

        if (!stream.Transport.IsEncrypted && features.Element("starttls", Namespaces.Tls)?.Element("required", Namespaces.Tls) is not null)
        {
            throw new XmppTlsException($"The server of '{domain}' requires TLS, but TlsMode is Disabled.");
        }

        return features;
    }

    private async Task<XmppElement> StartTlsAsync(XmppStream stream, XmppElement features, TlsClientSettings tls, bool announceAccount,
        CancellationToken cancellationToken)
    {
        var domain = _options.Jid.Domain;
        if (features.Element("starttls", Namespaces.Tls) is null)
        {
            // Refused here, before any credential is sent.
            await stream.CloseAsync(cancellationToken).ConfigureAwait(false);
            throw new XmppTlsException(
                $"The server of '{domain}' does not offer STARTTLS, and TLS is required. Nothing was sent to it. " +
                "Use a server that supports TLS (or, for a test server on loopback only, TlsMode.Disabled).");
        }

        stream.Stage = "STARTTLS";
        await stream.WriteAsync(new XmppElement("starttls", Namespaces.Tls), cancellationToken).ConfigureAwait(false);
        var answer = await stream.ReadElementAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new XmppConnectionLostException("The server closed the stream in answer to STARTTLS.");
        if (answer.Namespace != Namespaces.Tls || answer.Name != "proceed")
        {
            throw new XmppTlsException(answer.Name == "failure"
                ? $"The server of '{domain}' failed STARTTLS; the connection was closed before any credential was sent."
                : $"The server answered STARTTLS with an unexpected <{answer.Name}/>; the connection was closed.");
        }

        stream.Stage = "the TLS handshake";
        await stream.Transport.UpgradeToTlsAsync(tls, cancellationToken).ConfigureAwait(false);
        var ssl = stream.Transport.Tls!;
        SessionLog.TlsEstablished(_logger, stream.Transport.Remote, ssl.SslProtocol, ssl.NegotiatedCipherSuite.ToString());
        return await stream.OpenAsync(domain, announceAccount ? AccountFrom(stream) : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>RFC 6120 §4.7.1: over an encrypted stream the client says who it is (its bare JID).</summary>
    private string? AccountFrom(XmppStream stream) =>
        stream.Transport.IsEncrypted && _options.Jid.Local is not null ? _options.Jid.Bare.ToString() : null;
}
