using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Xmpp.Client;

namespace PackageTests;

/// <summary>
/// The Prosody that run.sh started: read from the KEY=value file named by <c>XMPP_PACKAGE_TESTS_ENV</c>
/// (see tests/servers/README.md, "Env keys").
/// </summary>
internal sealed record TestServer(string Host, int Port, string Domain, string CaPath, IReadOnlyDictionary<string, string> Passwords, string MucService)
{
    private static readonly Lazy<TestServer> Loaded = new(Load);

    public static TestServer Prosody => Loaded.Value;

    /// <summary>Options for an account of the server: its host and port, and trust in the test CA.</summary>
    public XmppClientOptions Options(string user) => new()
    {
        Jid = Jid.Parse($"{user}@{Domain}"),
        Password = Passwords.TryGetValue(user, out var password) ? password : throw new KeyNotFoundException($"No test account {user}."),
        Host = Host,
        Port = Port,
        TrustedCertificates = [X509CertificateLoader.LoadCertificateFromFile(CaPath)],
        ConnectTimeout = TimeSpan.FromSeconds(5),
        NegotiationTimeout = TimeSpan.FromSeconds(20),
        IqTimeout = TimeSpan.FromSeconds(20),
    };

    private static TestServer Load()
    {
        var path = Environment.GetEnvironmentVariable("XMPP_PACKAGE_TESTS_ENV");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException("XMPP_PACKAGE_TESTS_ENV does not name the env file of a running Prosody: run tests/package/run.sh.");
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                env[line[..eq]] = line[(eq + 1)..].Trim();
            }
        }

        string Get(string key) => env.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"{path} has no {key}.");

        // PROSODY_ACCOUNTS: user@domain:password, comma-separated; only the main domain's accounts are kept.
        var domain = Get("PROSODY_DOMAIN");
        var passwords = Get("PROSODY_ACCOUNTS").Split(',')
            .Select(account => account.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].EndsWith($"@{domain}", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0][..parts[0].IndexOf('@', StringComparison.Ordinal)], parts => parts[1], StringComparer.Ordinal);
        return new TestServer(
            Get("PROSODY_HOST"),
            int.Parse(Get("PROSODY_PORT"), NumberStyles.None, CultureInfo.InvariantCulture),
            domain,
            Get("PROSODY_CA"),
            passwords,
            Get("PROSODY_MUC"));
    }
}
