using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Xmpp.Client.IntegrationTests.Servers;

/// <summary>The servers started by <c>tests/servers/all.sh</c>, typed from the KEY=value lines it prints.</summary>
public sealed record TestServers(
    XmppTestServer Prosody,
    XmppTestServer Ejabberd,
    DnsTestServer Dns,
    string CaCertificatePath,
    string WorkDirectory,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Loads the CA that signed every test server's certificate.</summary>
    public X509Certificate2 LoadCaCertificate() => X509CertificateLoader.LoadCertificateFromFile(CaCertificatePath);

    /// <summary>Builds the typed view of the env lines; throws naming the key that is missing or malformed.</summary>
    public static TestServers Parse(IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var reader = new EnvReader(env);
        var prosody = XmppTestServer.Read(reader, "PROSODY") with
        {
            AnonymousDomain = reader.Required("PROSODY_ANON_DOMAIN"),
            SrvDomains = reader.Required("PROSODY_SRV_DOMAINS").Split(','),
            ListensOn5222 = reader.Required("PROSODY_5222") == "listening",
            UploadService = reader.Required("PROSODY_UPLOAD"),
            HttpPort = reader.Port("PROSODY_HTTP_PORT"),
            Gateway = new ComponentEndpoint(
                reader.Required("PROSODY_GATEWAY"),
                new IPEndPoint(reader.Address("PROSODY_HOST"), reader.Port("PROSODY_COMPONENT_PORT")),
                reader.Required("PROSODY_GATEWAY_SECRET")),
        };
        var dns = new DnsTestServer(
            new IPEndPoint(reader.Address("DNS_HOST"), reader.Port("DNS_PORT")),
            reader.Port("DNS_DEAD_PORT"),
            reader.Required("DNS_LOG"));
        return new TestServers(
            prosody,
            XmppTestServer.Read(reader, "EJABBERD") with
            {
                CaptchaDomain = reader.Required("EJABBERD_CAPTCHA_DOMAIN"),
                CaptchaAnswerPath = reader.Required("EJABBERD_CAPTCHA_ANSWER"),
            },
            dns,
            reader.Required("SERVERS_CA"),
            reader.Required("SERVERS_DIR"),
            env);
    }
}

/// <summary>One XMPP server: where it listens, what it serves, and the accounts created on it.</summary>
public sealed record XmppTestServer(
    string Name,
    string Domain,
    IPAddress Host,
    int Port,
    int? DirectTlsPort,
    string CaCertificatePath,
    IReadOnlyList<TestAccount> Accounts,
    int ProcessId,
    string LogPath)
{
    /// <summary>The SASL ANONYMOUS host (Prosody only).</summary>
    public string? AnonymousDomain { get; init; }

    /// <summary>The domains reached through the SRV-chain records of the test DNS server (Prosody only).</summary>
    public IReadOnlyList<string> SrvDomains { get; init; } = [];

    /// <summary>A host whose in-band registration asks for a CAPTCHA (ejabberd only).</summary>
    public string? CaptchaDomain { get; init; }

    /// <summary>The file where the test server writes the answer to the last CAPTCHA it made (ejabberd only).</summary>
    public string? CaptchaAnswerPath { get; init; }

    /// <summary>True when the server also listens on 127.0.0.1:5222 (PROSODY_LISTEN_5222=1 and the port was free).</summary>
    public bool ListensOn5222 { get; init; }

    /// <summary>Where an external component (XEP-0114) of the server's test gateway connects (Prosody only).</summary>
    public ComponentEndpoint? Gateway { get; init; }

    /// <summary>The multi-user chat service (XEP-0045) on a subdomain, such as <c>conference.prosody.test</c>
    /// (<c>PROSODY_MUC</c>, <c>EJABBERD_MUC</c>): anyone may create rooms there.</summary>
    public string MucService { get; init; } = "";

    /// <summary>The bare JID of the room <paramref name="name"/> on <see cref="MucService"/>.</summary>
    public string Room(string name) => $"{name}@{MucService}";

    /// <summary>The HTTP File Upload service (XEP-0363) on a subdomain, such as <c>upload.prosody.test</c>
    /// (<c>PROSODY_UPLOAD</c>; Prosody only, empty for ejabberd).</summary>
    public string UploadService { get; init; } = "";

    /// <summary>The loopback HTTP port the upload service's URLs point to (<c>PROSODY_HTTP_PORT</c>; Prosody only).</summary>
    public int? HttpPort { get; init; }

    /// <summary>The STARTTLS client port.</summary>
    public IPEndPoint EndPoint => new(Host, Port);

    /// <summary>The account <paramref name="user"/> on <paramref name="domain"/> (default: the main domain).</summary>
    public TestAccount Account(string user, string? domain = null)
    {
        var wanted = domain ?? Domain;
        return Accounts.FirstOrDefault(a => a.User == user && a.Domain == wanted)
            ?? throw new KeyNotFoundException($"{Name} has no test account {user}@{wanted}.");
    }

    internal static XmppTestServer Read(EnvReader reader, string prefix) => new(
        prefix.ToLowerInvariant(),
        reader.Required($"{prefix}_DOMAIN"),
        reader.Address($"{prefix}_HOST"),
        reader.Port($"{prefix}_PORT"),
        reader.OptionalPort($"{prefix}_DIRECT_TLS_PORT"),
        reader.Required($"{prefix}_CA"),
        TestAccount.ParseList(reader.Required($"{prefix}_ACCOUNTS")),
        int.Parse(reader.Required($"{prefix}_PID"), CultureInfo.InvariantCulture),
        reader.Required($"{prefix}_LOG"))
    {
        MucService = reader.Required($"{prefix}_MUC"),
    };
}

/// <summary>A test account; the password is <c>&lt;user&gt;-pass</c> by convention of the scripts.</summary>
public sealed record TestAccount(string User, string Domain, string Password)
{
    public string Jid => $"{User}@{Domain}";

    /// <summary>Parses <c>user@domain:password,...</c>.</summary>
    public static IReadOnlyList<TestAccount> ParseList(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();
    }

    private static TestAccount Parse(string entry)
    {
        // A JID's localpart and domain never contain ':', so the first one ends the JID.
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var at = entry.IndexOf('@', StringComparison.Ordinal);
        if (colon < 0 || at < 0 || at > colon)
        {
            throw new FormatException($"Malformed test account '{entry}': expected user@domain:password.");
        }

        return new TestAccount(entry[..at], entry[(at + 1)..colon], entry[(colon + 1)..]);
    }
}

/// <summary>The dnsmasq instance serving the .test zone; <see cref="DeadPort"/> is a port nothing listens on.</summary>
public sealed record DnsTestServer(IPEndPoint EndPoint, int DeadPort, string LogPath);

/// <summary>An external component's address on a server (XEP-0114): its domain, the component port and its secret.</summary>
public sealed record ComponentEndpoint(string Domain, IPEndPoint EndPoint, string Secret);
