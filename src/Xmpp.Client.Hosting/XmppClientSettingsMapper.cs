using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Xmpp.Client.Hosting;

/// <summary>
/// Turns <see cref="XmppClientSettings"/> into <see cref="XmppClientOptions"/>: parses the JID and the DNS servers,
/// loads the certificates, and copies every setting that is set. Each problem is reported with the configuration key
/// it belongs to (such as <c>Xmpp:Jid</c>), all of them at once.
/// </summary>
internal static class XmppClientSettingsMapper
{
    /// <summary>Maps the settings; <see langword="null"/> when <paramref name="errors"/> is not empty.</summary>
    /// <param name="settings">The bound settings.</param>
    /// <param name="keyPrefix">The configuration path of the section (such as <c>Xmpp</c>), or empty.</param>
    /// <param name="baseDirectory">Where relative certificate paths start.</param>
    /// <param name="errors">Receives one line per problem, each starting with the key.</param>
    public static XmppClientOptions? Map(XmppClientSettings settings, string keyPrefix, string baseDirectory, List<string> errors)
    {
        errors.AddRange(settings.BindingErrors);
        var jid = ParseJid(settings, keyPrefix, errors);
        var dnsServers = ParseDnsServers(settings, keyPrefix, errors);
        var trusted = LoadCertificates(settings, keyPrefix, baseDirectory, errors);
        if (jid is { Local: not null } account && settings.Password is null)
        {
            errors.Add($"{Key(keyPrefix, nameof(settings.Password))}: is required to log in as '{account.Bare}' " +
                $"(set it in configuration, for example the environment variable {EnvironmentName(keyPrefix, nameof(settings.Password))}).");
        }

        if (errors.Count > 0 || jid is not { } valid)
        {
            return null;
        }

        var options = new XmppClientOptions
        {
            Jid = valid,
            Password = settings.Password,
            Resource = settings.Resource,
            Host = settings.Host,
            Port = settings.Port,
            DnsServers = dnsServers,
            TrustedCertificates = trusted,
            SaslMechanisms = settings.SaslMechanisms.Count > 0 ? [.. settings.SaslMechanisms] : null,
        };
        return CopyTunables(settings, options);
    }

    /// <summary>The configuration key of a setting: <c>prefix:Name</c>, or <c>Name</c> without a prefix.</summary>
    public static string Key(string keyPrefix, string name) => keyPrefix.Length == 0 ? name : $"{keyPrefix}:{name}";

    private static string EnvironmentName(string keyPrefix, string name) => Key(keyPrefix, name).Replace(":", "__", StringComparison.Ordinal);

    private static XmppClientOptions CopyTunables(XmppClientSettings s, XmppClientOptions o) => o with
    {
        TlsMode = s.TlsMode ?? o.TlsMode,
        ConnectTimeout = s.ConnectTimeout ?? o.ConnectTimeout,
        NegotiationTimeout = s.NegotiationTimeout ?? o.NegotiationTimeout,
        IqTimeout = s.IqTimeout ?? o.IqTimeout,
        StreamManagement = s.StreamManagement ?? o.StreamManagement,
        AutoReconnect = s.AutoReconnect ?? o.AutoReconnect,
        ReconnectMinDelay = s.ReconnectMinDelay ?? o.ReconnectMinDelay,
        ReconnectMaxDelay = s.ReconnectMaxDelay ?? o.ReconnectMaxDelay,
        MaxReconnectAttempts = s.MaxReconnectAttempts ?? o.MaxReconnectAttempts,
        KeepAliveInterval = s.KeepAliveInterval ?? o.KeepAliveInterval,
        PingInterval = s.PingInterval ?? o.PingInterval,
        PingTimeout = s.PingTimeout ?? o.PingTimeout,
        MaxStanzaBytes = s.MaxStanzaBytes ?? o.MaxStanzaBytes,
    };

    private static Jid? ParseJid(XmppClientSettings settings, string keyPrefix, List<string> errors)
    {
        var key = Key(keyPrefix, nameof(settings.Jid));
        if (string.IsNullOrWhiteSpace(settings.Jid))
        {
            errors.Add($"{key}: is not set; set it to the account's JID, such as 'bot@example.com' " +
                $"(in the \"{(keyPrefix.Length == 0 ? nameof(settings.Jid) : keyPrefix)}\" section, " +
                $"the environment variable {EnvironmentName(keyPrefix, nameof(settings.Jid))} or --{key}=…).");
            return null;
        }

        try
        {
            return Jid.Parse(settings.Jid.Trim());
        }
        catch (FormatException error)
        {
            errors.Add($"{key}: {error.Message}");
            return null;
        }
    }

    private static List<IPEndPoint>? ParseDnsServers(XmppClientSettings settings, string keyPrefix, List<string> errors)
    {
        if (settings.DnsServers.Count == 0)
        {
            return null;
        }

        var servers = new List<IPEndPoint>();
        for (var i = 0; i < settings.DnsServers.Count; i++)
        {
            var text = settings.DnsServers[i];
            if (IPEndPoint.TryParse(text ?? "", out var endpoint))
            {
                servers.Add(endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint);
            }
            else
            {
                errors.Add($"{Key(keyPrefix, $"{nameof(settings.DnsServers)}:{i.ToString(CultureInfo.InvariantCulture)}")}: '{text}' is not an IP address or ip:port.");
            }
        }

        return servers;
    }

    private static X509Certificate2Collection? LoadCertificates(XmppClientSettings settings, string keyPrefix, string baseDirectory, List<string> errors)
    {
        var trusted = new X509Certificate2Collection();
        for (var i = 0; i < settings.TrustedCertificateFiles.Count; i++)
        {
            var key = Key(keyPrefix, $"{nameof(settings.TrustedCertificateFiles)}:{i.ToString(CultureInfo.InvariantCulture)}");
            var file = settings.TrustedCertificateFiles[i];
            if (string.IsNullOrWhiteSpace(file))
            {
                errors.Add($"{key}: is empty; name a PEM certificate file.");
                continue;
            }

            var path = Path.GetFullPath(file, baseDirectory);
            if (!File.Exists(path))
            {
                errors.Add($"{key}: there is no file '{path}'.");
                continue;
            }

            ImportPem(trusted, File.ReadAllText(path), key, $"the file '{path}'", errors);
        }

        if (!string.IsNullOrWhiteSpace(settings.TrustedCertificatesPem))
        {
            ImportPem(trusted, settings.TrustedCertificatesPem, Key(keyPrefix, nameof(settings.TrustedCertificatesPem)), "the text", errors);
        }

        return trusted.Count > 0 ? trusted : null;
    }

    private static void ImportPem(X509Certificate2Collection trusted, string pem, string key, string what, List<string> errors)
    {
        var before = trusted.Count;
        try
        {
            trusted.ImportFromPem(pem);
        }
        catch (CryptographicException error)
        {
            errors.Add($"{key}: {what} is not valid PEM: {error.Message}");
            return;
        }

        if (trusted.Count == before)
        {
            errors.Add($"{key}: {what} holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }
    }
}
