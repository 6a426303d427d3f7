using System.Security.Cryptography.X509Certificates;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests;

/// <summary>Client options for the test servers: their host and port, and trust in the test CA.</summary>
internal static class ClientFactory
{
    public static XmppClientOptions Options(TestServers servers, XmppTestServer server, string user = "alice", string? resource = null) => new()
    {
        Jid = Jid.Parse(server.Account(user).Jid),
        Password = server.Account(user).Password,
        Resource = resource,
        Host = server.Host.ToString(),
        Port = server.Port,
        TrustedCertificates = [servers.LoadCaCertificate()],
        ConnectTimeout = TimeSpan.FromSeconds(5),
        NegotiationTimeout = TimeSpan.FromSeconds(20),
        IqTimeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>The same options, connecting through <paramref name="proxy"/> (certificates still checked against the domain).</summary>
    public static XmppClientOptions Through(this XmppClientOptions options, Faults.FaultProxy proxy) => options with
    {
        Host = proxy.EndPoint.Address.ToString(),
        Port = proxy.EndPoint.Port,
    };

    public static XmppTestServer Named(this TestServers servers, string name) => name switch
    {
        "prosody" => servers.Prosody,
        "ejabberd" => servers.Ejabberd,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "prosody or ejabberd"),
    };

    public static async Task<XmppClient> ConnectedAsync(XmppClientOptions options)
    {
        var client = new XmppClient(options);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.ConnectAsync(timeout.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static X509Certificate2Collection Trust(TestServers servers) => [servers.LoadCaCertificate()];
}
