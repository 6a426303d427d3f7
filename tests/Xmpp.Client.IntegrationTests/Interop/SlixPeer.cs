using System.Globalization;
using System.Text.Json;
using Xmpp.Client.IntegrationTests.Samples;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Interop;

/// <summary>
/// Runs <c>tests/interop/slix_peer.py</c>, an XMPP client written with slixmpp (another library), with Debian's
/// python3 (where the python3-slixmpp package installs). It prints one JSON object a line: an "online" event once
/// logged in, then a "message" event.
/// </summary>
internal static class SlixPeer
{
    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Starts the peer as <paramref name="user"/> on <paramref name="server"/>; <paramref name="mode"/> is
    /// <c>receive [--from JID]</c> or <c>send --to JID --body TEXT</c>; <paramref name="script"/> names another peer of
    /// tests/interop with the same connection flags (such as <c>slix_ibb_peer.py</c>).</summary>
    public static ChildProcess Start(TestServers servers, XmppTestServer server, string user, IEnumerable<string> mode, string script = "slix_peer.py") =>
        ChildProcess.Start(
            Python,
            [
                Path.Combine(Sample.RepositoryRoot, "tests", "interop", script),
                "--jid", server.Account(user).Jid,
                "--host", server.Host.ToString(),
                "--port", server.Port.ToString(CultureInfo.InvariantCulture),
                "--ca", servers.CaCertificatePath,
                "--timeout", "30",
                .. mode,
            ],
            new Dictionary<string, string?> { ["XMPP_PASSWORD"] = server.Account(user).Password, ["PYTHONUNBUFFERED"] = "1" });

    /// <summary>Whether <paramref name="line"/> is the JSON event <paramref name="name"/>.</summary>
    public static bool IsEvent(string line, string name)
    {
        if (!line.StartsWith('{'))
        {
            return false;
        }

        using var json = JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty("event", out var value) && value.GetString() == name;
    }

    /// <summary>A string field of a JSON event line.</summary>
    public static string? Field(string line, string name)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty(name).GetString();
    }
}
