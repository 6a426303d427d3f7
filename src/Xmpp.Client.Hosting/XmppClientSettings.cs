namespace Xmpp.Client.Hosting;

/// <summary>
/// The settings of one account as configuration holds them (a section such as <c>"Xmpp"</c> of
/// <c>appsettings.json</c>, environment variables like <c>Xmpp__Jid</c>, or <c>--Xmpp:Jid=…</c> on the command line),
/// turned into <see cref="XmppClientOptions"/> when the client is created. Every setting left unset keeps the
/// default of <see cref="XmppClientOptions"/>; an empty value clears a setting. Lists are children (<c>Xmpp:DnsServers:0</c>)
/// or one comma-separated value; durations are time spans (<c>00:00:30</c>, or <c>infinite</c>). Checked when the
/// host starts: every bad value is reported at once, each with its configuration key, and the host does not start.
/// </summary>
public sealed class XmppClientSettings
{
    /// <summary>The account, such as <c>bot@example.com</c> (see <see cref="XmppClientOptions.Jid"/>). Required.</summary>
    public string? Jid { get; set; }

    /// <summary>The account's password (see <see cref="XmppClientOptions.Password"/>); keep it out of files, in an
    /// environment variable (<c>Xmpp__Password</c>) or a secret store.</summary>
    public string? Password { get; set; }

    /// <summary>The resource to ask for (see <see cref="XmppClientOptions.Resource"/>).</summary>
    public string? Resource { get; set; }

    /// <summary>Connect to this host instead of resolving the domain (see <see cref="XmppClientOptions.Host"/>).</summary>
    public string? Host { get; set; }

    /// <summary>The port to use with <see cref="Host"/> (see <see cref="XmppClientOptions.Port"/>).</summary>
    public int? Port { get; set; }

    /// <summary>DNS servers as <c>ip</c> or <c>ip:port</c> (see <see cref="XmppClientOptions.DnsServers"/>).</summary>
    public IList<string> DnsServers { get; } = [];

    /// <summary><c>Required</c>, <c>DirectTls</c> or <c>Disabled</c> (see <see cref="XmppClientOptions.TlsMode"/>).</summary>
    public TlsMode? TlsMode { get; set; }

    /// <summary>Files of PEM certificates to trust as roots (see <see cref="XmppClientOptions.TrustedCertificates"/>);
    /// a relative path is taken from the host's content root.</summary>
    public IList<string> TrustedCertificateFiles { get; } = [];

    /// <summary>PEM text of certificates to trust as roots, added to those of <see cref="TrustedCertificateFiles"/>.</summary>
    public string? TrustedCertificatesPem { get; set; }

    /// <summary>The SASL mechanisms allowed, in order of preference (see <see cref="XmppClientOptions.SaslMechanisms"/>).</summary>
    public IList<string> SaslMechanisms { get; } = [];

    /// <summary>See <see cref="XmppClientOptions.ConnectTimeout"/>; a time span such as <c>00:00:10</c>.</summary>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <summary>See <see cref="XmppClientOptions.NegotiationTimeout"/>.</summary>
    public TimeSpan? NegotiationTimeout { get; set; }

    /// <summary>See <see cref="XmppClientOptions.IqTimeout"/>.</summary>
    public TimeSpan? IqTimeout { get; set; }

    /// <summary>See <see cref="XmppClientOptions.StreamManagement"/>.</summary>
    public bool? StreamManagement { get; set; }

    /// <summary>See <see cref="XmppClientOptions.AutoReconnect"/>.</summary>
    public bool? AutoReconnect { get; set; }

    /// <summary>See <see cref="XmppClientOptions.ReconnectMinDelay"/>; also the first delay of the retries at startup.</summary>
    public TimeSpan? ReconnectMinDelay { get; set; }

    /// <summary>See <see cref="XmppClientOptions.ReconnectMaxDelay"/>; also the longest delay of the retries at startup.</summary>
    public TimeSpan? ReconnectMaxDelay { get; set; }

    /// <summary>See <see cref="XmppClientOptions.MaxReconnectAttempts"/>; also bounds the attempts at startup.</summary>
    public int? MaxReconnectAttempts { get; set; }

    /// <summary>See <see cref="XmppClientOptions.KeepAliveInterval"/>.</summary>
    public TimeSpan? KeepAliveInterval { get; set; }

    /// <summary>See <see cref="XmppClientOptions.PingInterval"/>.</summary>
    public TimeSpan? PingInterval { get; set; }

    /// <summary>See <see cref="XmppClientOptions.PingTimeout"/>.</summary>
    public TimeSpan? PingTimeout { get; set; }

    /// <summary>See <see cref="XmppClientOptions.MaxStanzaBytes"/>.</summary>
    public int? MaxStanzaBytes { get; set; }

    /// <summary>The values of the configuration that did not parse, each with its key; reported by the validation.</summary>
    internal List<string> BindingErrors { get; } = [];
}
