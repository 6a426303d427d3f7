using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Samples;

/// <summary>
/// The connection flags both samples take: --jid, --password (or XMPP_PASSWORD), --host, --port,
/// --dns-server ip:port, --trust-cert file, --no-tls, --verbose. Unknown flags are left for the sample.
/// </summary>
internal sealed class ConnectionArguments
{
    public const string Usage =
        "  --jid <jid>              the account, such as bot@example.com\n" +
        "  --password <password>    its password (or set XMPP_PASSWORD)\n" +
        "  --host <host>            connect to this host instead of resolving the domain (DNS SRV)\n" +
        "  --port <port>            the port to use with --host (default 5222)\n" +
        "  --dns-server <ip:port>   the DNS server to ask for SRV and address records\n" +
        "  --trust-cert <file>      trust this PEM/CRT certificate (a private CA or self-signed server)\n" +
        "  --no-tls                 no encryption: only for a test server on loopback\n" +
        "  --verbose                log every stanza sent and received";

    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);

    public XmppClientOptions Options { get; private set; } = null!;

    public bool Verbose { get; private set; }

    /// <summary>Parses the arguments; <paramref name="error"/> says what is wrong when it returns false.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="extraFlags">Flags with a value that the sample itself takes, such as --to.</param>
    /// <param name="parsed">The parsed arguments.</param>
    /// <param name="error">What is wrong.</param>
    public static bool TryParse(string[] args, IReadOnlySet<string> extraFlags, out ConnectionArguments parsed, out string? error)
    {
        parsed = new ConnectionArguments();
        error = null;
        string? jid = null, password = Environment.GetEnvironmentVariable("XMPP_PASSWORD"), host = null;
        int? port = null;
        var dnsServers = new List<IPEndPoint>();
        var trusted = new X509Certificate2Collection();
        var tls = TlsMode.Required;
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (flag is "--no-tls")
            {
                tls = TlsMode.Disabled;
                continue;
            }

            if (flag is "--verbose")
            {
                parsed.Verbose = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{flag} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (flag)
            {
                case "--jid": jid = value; break;
                case "--password": password = value; break;
                case "--host": host = value; break;
                case "--port" when int.TryParse(value, out var p) && p is > 0 and < 65536: port = p; break;
                case "--port": error = $"--port: '{value}' is not a port number."; return false;
                case "--dns-server" when IPEndPoint.TryParse(value, out var endpoint):
                    dnsServers.Add(endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint);
                    break;
                case "--dns-server": error = $"--dns-server: '{value}' is not an ip:port."; return false;
                case "--trust-cert":
                    if (!File.Exists(value))
                    {
                        error = $"--trust-cert: no file '{value}'.";
                        return false;
                    }

                    trusted.ImportFromPemFile(value);
                    break;
                default:
                    if (!extraFlags.Contains(flag))
                    {
                        error = $"Unknown option {flag}.";
                        return false;
                    }

                    parsed.Extra[flag] = value;
                    break;
            }
        }

        if (jid is null)
        {
            error = "--jid is required.";
            return false;
        }

        Jid account;
        try
        {
            account = Jid.Parse(jid);
        }
        catch (FormatException invalid)
        {
            error = $"--jid: {invalid.Message}"; // says why, such as a character RFC 7622 forbids
            return false;
        }

        if (password is null && account.Local is not null)
        {
            error = "--password (or the XMPP_PASSWORD environment variable) is required.";
            return false;
        }

        if (port is not null && host is null)
        {
            error = "--port needs --host.";
            return false;
        }

        parsed.Options = new XmppClientOptions
        {
            Jid = account,
            Password = password,
            Host = host,
            Port = port,
            DnsServers = dnsServers.Count > 0 ? dnsServers : null,
            TrustedCertificates = trusted.Count > 0 ? trusted : null,
            TlsMode = tls,
        };
        return true;
    }

    public ILoggerFactory CreateLoggerFactory() => LoggerFactory.Create(logging =>
    {
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.SetMinimumLevel(Verbose ? LogLevel.Trace : LogLevel.Warning);
        // Logs go to stderr so stdout carries only what the sample prints.
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    });
}
