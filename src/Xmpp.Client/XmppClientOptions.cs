using Xmpp.Client.Extensions;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client;

/// <summary>
/// Everything an <see cref="XmppClient"/> needs to connect. Immutable: build one with an object initialiser and
/// <c>with</c> expressions; the client validates it once, in its constructor.
/// </summary>
/// <example>
/// <code>
/// var options = new XmppClientOptions
/// {
///     Jid = Jid.Parse("bot@example.com"),
///     Password = Environment.GetEnvironmentVariable("XMPP_PASSWORD"),
/// };
/// </code>
/// </example>
public sealed partial record XmppClientOptions
{
    /// <summary>
    /// The account to log in as. Its domain is the server to find (DNS SRV). A resource in this JID is used as the
    /// requested resource when <see cref="Resource"/> is <see langword="null"/>. A JID without a localpart logs in
    /// anonymously (SASL ANONYMOUS).
    /// </summary>
    public required Jid Jid { get; init; }

    /// <summary>The account's password. Never logged. <see langword="null"/> only for anonymous logins.</summary>
    public string? Password { get; init; }

    /// <summary>The resource to ask for; <see langword="null"/> lets the server assign one.</summary>
    public string? Resource { get; init; }

    /// <summary>Connect to this host instead of resolving the domain through DNS. Certificates are still checked
    /// against the JID's domain.</summary>
    public string? Host { get; init; }

    /// <summary>The port to use with <see cref="Host"/>; defaults to 5222 (or 5223 with <see cref="TlsMode.DirectTls"/>).</summary>
    public int? Port { get; init; }

    /// <summary>DNS servers for the SRV and address lookups; <see langword="null"/> uses the system's.</summary>
    public IReadOnlyList<IPEndPoint>? DnsServers { get; init; }

    /// <summary>How the connection is encrypted. <see cref="TlsMode.Required"/> by default.</summary>
    public TlsMode TlsMode { get; init; } = TlsMode.Required;

    /// <summary>
    /// Decides whether the server's certificate is accepted. <see langword="null"/> (the default) accepts only a
    /// certificate whose chain is valid (against the system's roots, or <see cref="TrustedCertificates"/>) and whose
    /// name matches the JID's domain.
    /// </summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>
    /// Certificates to trust as roots instead of the system's, for servers with a private CA or a self-signed
    /// certificate. The chain and the name are still checked. Ignored when <see cref="CertificateValidation"/> is set.
    /// </summary>
    public X509Certificate2Collection? TrustedCertificates { get; init; }

    /// <summary>
    /// The SASL mechanisms allowed, in order of preference; <see langword="null"/> allows all supported ones,
    /// strongest first (SCRAM-SHA-512-PLUS … SCRAM-SHA-1, then PLAIN over TLS).
    /// </summary>
    public IReadOnlyList<string>? SaslMechanisms { get; init; }

    /// <summary>How long one TCP connection attempt (one address of one endpoint) may take. 10 seconds by default.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the whole negotiation (TLS, SASL, binding) may take once connected. 30 seconds by default.</summary>
    public TimeSpan NegotiationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest top-level element accepted from the server, in bytes. 4 MiB by default. A larger stanza
    /// is skipped without being held in memory (logged and counted in <see cref="XmppClient.Diagnostics"/>; an IQ
    /// request is answered with <c>policy-violation</c>) and the session goes on; during the negotiation a larger
    /// element ends the stream with <c>policy-violation</c>.</summary>
    public int MaxStanzaBytes { get; init; } = Xml.XmlStreamReaderOptions.DefaultMaxElementBytes;

    /// <summary>How long <see cref="XmppClient.SendIqAsync(Stanzas.Iq, CancellationToken)"/> waits for an answer. 60 seconds by default.</summary>
    public TimeSpan IqTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many IQ requests may wait for their answers at once; further requests wait for a free slot.
    /// 65,536 by default.</summary>
    public int MaxPendingIqs { get; init; } = 65_536;

    /// <summary>How many received stanzas may wait for the event handlers; when full, reading from the server pauses
    /// (TCP pushes back) until handlers catch up. 10,000 by default. Their bytes are bounded too:
    /// <see cref="MaxQueuedEventBytes"/>.</summary>
    public int MaxQueuedEvents { get; init; } = 10_000;

    /// <summary>
    /// The protocol extensions each client runs, in order: <see cref="XmppExtensionSet.Default"/> (every built-in) unless
    /// changed, for example <c>XmppExtensionSet.Default.Remove&lt;ChatStatesExtension&gt;().Add&lt;MyExtension&gt;()</c>.
    /// Each announces its service discovery features.
    /// </summary>
    public XmppExtensionSet Extensions { get; init; } = XmppExtensionSet.Default;

    /// <summary>Whether XEP-0199 pings are answered automatically. <see langword="true"/> by default.</summary>
    public bool AnswerPings { get; init; } = true;

    /// <summary>The TLS versions allowed: 1.2 and 1.3. A test seam (tests pin TLS 1.2 to exercise tls-unique
    /// channel binding); deliberately not public, so nobody can turn on an obsolete version.</summary>
    internal SslProtocols TlsProtocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>Where log output goes; <see langword="null"/> logs nothing. The constructor's argument wins if both are given.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Where the client's meter comes from (see <see cref="Telemetry.XmppInstrumentation"/>), such as the Generic Host's
    /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/>; <see langword="null"/> reports to one meter that all
    /// clients of the process share.
    /// </summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; init; }
}
