using System.Globalization;
using System.Text.Json;
using Xmpp.Client.IntegrationTests.Samples;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Interop;

/// <summary>
/// A multi-user chat occupant written with slixmpp (another library): runs <c>tests/interop/slix_occupant.py</c> with
/// Debian's python3. It joins one room (configuring it as an instant room when the join creates it, which unlocks it
/// on Prosody), reports what the room sends as JSON event lines ("joined", "presence", "groupchat", "private",
/// "subject", "error", "left") and takes commands on its stdin. Disposing kills it if it still runs.
/// </summary>
internal sealed class SlixOccupant : IAsyncDisposable
{
    /// <summary>Login and join, on a loaded machine.</summary>
    public static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    /// <summary>For one event after a command.</summary>
    public static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private SlixOccupant(ChildProcess process, string room, string nick)
    {
        Process = process;
        Room = room;
        Nick = nick;
    }

    /// <summary>The process, for its output (<see cref="ChildProcess.Describe"/>).</summary>
    public ChildProcess Process { get; }

    /// <summary>The room's bare JID.</summary>
    public string Room { get; }

    /// <summary>The nickname asked for (the "joined" event has the one the room gave).</summary>
    public string Nick { get; }

    /// <summary>Starts the occupant as <paramref name="user"/> of <paramref name="server"/> without waiting for the
    /// join; <paramref name="options"/> go to the script (<c>--no-create-instant</c>, <c>--config VAR=VALUE</c>,
    /// <c>--history N</c>).</summary>
    public static SlixOccupant Start(
        TestServers servers, XmppTestServer server, string user, string room, string nick, IEnumerable<string>? options = null)
    {
        var account = server.Account(user);
        var process = ChildProcess.Start(
            Python,
            [
                Path.Combine(Sample.RepositoryRoot, "tests", "interop", "slix_occupant.py"),
                "--jid", account.Jid,
                "--host", server.Host.ToString(),
                "--port", server.Port.ToString(CultureInfo.InvariantCulture),
                "--ca", servers.CaCertificatePath,
                "--timeout", JoinTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                "--room", room,
                "--nick", nick,
                .. options ?? [],
            ],
            new Dictionary<string, string?> { ["XMPP_PASSWORD"] = account.Password, ["PYTHONUNBUFFERED"] = "1" },
            keepStandardInput: true);
        return new SlixOccupant(process, room, nick);
    }

    /// <summary>Starts the occupant and waits until it is in the room.</summary>
    public static async Task<SlixOccupant> JoinAsync(
        TestServers servers, XmppTestServer server, string user, string room, string nick, IEnumerable<string>? options = null)
    {
        var occupant = Start(servers, server, user, room, nick, options);
        try
        {
            await occupant.WaitForEventAsync("joined", _ => true, JoinTimeout, $"{nick} in {room}");
            return occupant;
        }
        catch
        {
            await occupant.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for an event <paramref name="name"/> that <paramref name="match"/> accepts (also one printed
    /// already) and returns it.</summary>
    /// <exception cref="TimeoutException">None within <paramref name="timeout"/> (default <see cref="EventTimeout"/>), or the process ended.</exception>
    public async Task<JsonElement> WaitForEventAsync(string name, Func<JsonElement, bool> match, TimeSpan? timeout = null, string? what = null)
    {
        var line = await Process.WaitForLineAsync(
            l => Parse(l) is { } e && Event(e) == name && match(e), timeout ?? EventTimeout, what ?? $"a \"{name}\" event");
        return Parse(line)!.Value;
    }

    /// <summary>The events printed so far, named <paramref name="name"/>.</summary>
    public IReadOnlyList<JsonElement> Events(string name) =>
        [.. Process.Lines.Select(Parse).OfType<JsonElement>().Where(e => Event(e) == name)];

    /// <summary>Sends a groupchat message to the room.</summary>
    public Task SayAsync(string body, string? id = null, string? originId = null) =>
        SendAsync(new Dictionary<string, object?> { ["say"] = body, ["id"] = id, ["origin_id"] = originId });

    /// <summary>Sends a private message to the occupant <paramref name="nick"/>.</summary>
    public Task SendPrivateAsync(string nick, string body, string? id = null) =>
        SendAsync(new Dictionary<string, object?> { ["private"] = nick, ["body"] = body, ["id"] = id });

    /// <summary>Changes the room's subject.</summary>
    public Task SetSubjectAsync(string subject) => SendAsync(new Dictionary<string, object?> { ["subject"] = subject });

    /// <summary>Leaves the room and waits for the script to exit; returns its exit code.</summary>
    public async Task<int> LeaveAsync(TimeSpan? timeout = null)
    {
        await SendAsync(new Dictionary<string, object?> { ["leave"] = true });
        return await Process.WaitForExitAsync(timeout ?? EventTimeout);
    }

    /// <summary>Sends one command line (a JSON object; null fields are left out).</summary>
    public Task SendAsync(IReadOnlyDictionary<string, object?> command) =>
        Process.WriteLineAsync(JsonSerializer.Serialize(command.Where(c => c.Value is not null).ToDictionary()));

    /// <summary>A string field of an event; <see langword="null"/> when absent or null.</summary>
    public static string? Field(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A boolean field of an event (false when absent).</summary>
    public static bool Flag(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The status codes of a "joined" or "presence" event.</summary>
    public static IReadOnlyList<int> Codes(JsonElement e) =>
        e.TryGetProperty("codes", out var value) ? [.. value.EnumerateArray().Select(c => c.GetInt32())] : [];

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static string? Event(JsonElement e) => Field(e, "event");

    private static JsonElement? Parse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
