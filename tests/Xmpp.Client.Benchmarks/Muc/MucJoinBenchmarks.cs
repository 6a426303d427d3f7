using System.Text;
using BenchmarkDotNet.Attributes;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Muc;

namespace Xmpp.Client.Benchmarks.Muc;

/// <summary>
/// Joining a busy room (issue 16's figure): 200 occupants listed before the client's own presence, then 50 lines of
/// history and the subject, as a MUC service sends them, over an in-memory connection (so the figure is the client's:
/// parsing, routing, the occupant list and the events). Two points: until <see cref="MucRoom.JoinAsync"/> returns
/// (the room says the client is in, what a bot's "Joined" waits for), and until the history and subject have been
/// raised as events. With every built-in extension on (as in the samples), and with multi-user chat alone.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(invocationCount: 1, warmupCount: 5, iterationCount: 40)]
public class MucJoinBenchmarks
{
    private const int Occupants = 200;
    private const int HistoryLines = 50;
    private XmppClient _client = null!;
    private InMemoryServer _server = null!;
    private byte[] _roomAnswer = [];
    private MucRoom _room = null!;
    private int _rooms;

    /// <summary>Every built-in extension (as in the samples), or multi-user chat alone (with disco, which it requires).</summary>
    [Params("default", "muc-only")]
    public string Extensions { get; set; } = "default";

    [GlobalSetup]
    public void Setup()
    {
        _server = new InMemoryServer();
        var options = new XmppClientOptions
        {
            Jid = Jid.Parse("bot@example.com/bench"),
            Password = "x",
            TlsMode = TlsMode.Disabled,
            AutoReconnect = false,
            KeepAliveInterval = Timeout.InfiniteTimeSpan,
            PingInterval = Timeout.InfiniteTimeSpan,
            Extensions = (Extensions == "default" ? XmppExtensionSet.Default : XmppExtensionSet.Empty)
                .Add(() => new MucExtension { SelfPingInterval = Timeout.InfiniteTimeSpan }),
        };
        _client = new XmppClient(options, null, _server);
        _client.ConnectAsync().GetAwaiter().GetResult();
        _server.LoggedIn.GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>A fresh room each time (the answer is built here, outside the measurement).</summary>
    [IterationSetup]
    public void NextRoom()
    {
        var jid = $"room{++_rooms}@conference.example.com";
        _roomAnswer = Encoding.UTF8.GetBytes(RoomAnswer(jid));
        _room = _client.Muc.GetRoom(Jid.Parse(jid));
    }

    [Benchmark(Description = "Join: until JoinAsync returns (200 occupants)")]
    public async Task UntilJoined()
    {
        var joining = _room.JoinAsync("bot");
        await _server.SendAsync(_roomAnswer).ConfigureAwait(false);
        await joining.ConfigureAwait(false);
    }

    [Benchmark(Description = "Join: until history (50) and subject are raised")]
    public async Task UntilHistoryDelivered()
    {
        var subject = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = 0;
        _room.MessageReceived += message =>
        {
            lines += message.IsHistory ? 1 : 0;
            return Task.CompletedTask;
        };
        _room.SubjectChanged += _ =>
        {
            subject.TrySetResult();
            return Task.CompletedTask;
        };
        var joining = _room.JoinAsync("bot", new MucJoinOptions { History = MucHistory.Last(HistoryLines) });
        await _server.SendAsync(_roomAnswer).ConfigureAwait(false);
        await joining.ConfigureAwait(false);
        await subject.Task.ConfigureAwait(false);
        if (lines != HistoryLines)
        {
            throw new InvalidOperationException($"{lines} history lines raised, not {HistoryLines}.");
        }
    }

    /// <summary>What a service sends for a join: occupants, the client's own presence, the history, the subject.</summary>
    private static string RoomAnswer(string room)
    {
        var xml = new StringBuilder();
        for (var i = 0; i < Occupants; i++)
        {
            xml.Append($"<presence from='{room}/user{i}' id='p{i}'><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://example.org' ver='{i % 7}AbCdEfGhIjKlMnOpQrStUvWxYz='/>")
                .Append($"<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='{(i == 0 ? "owner" : "member")}' role='{(i == 0 ? "moderator" : "participant")}'/></x>")
                .Append("<occupant-id xmlns='urn:xmpp:occupant-id:0' id='").Append(i).Append("'/></presence>");
        }

        xml.Append($"<presence from='{room}/bot' id='self'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant' jid='bot@example.com/bench'/><status code='110'/><status code='100'/></x></presence>");
        for (var i = 0; i < HistoryLines; i++)
        {
            xml.Append($"<message from='{room}/user{i % Occupants}' type='groupchat' id='h{i}'><body>history line {i}: the quick brown fox jumps over the lazy dog</body>")
                .Append($"<delay xmlns='urn:xmpp:delay' from='{room}' stamp='2026-12-01T10:{i % 60:00}:00Z'/>")
                .Append($"<stanza-id xmlns='urn:xmpp:sid:0' by='{room}' id='archive-{i}'/></message>");
        }

        xml.Append($"<message from='{room}/user0' type='groupchat' id='subject'><subject>Welcome</subject></message>");
        return xml.ToString();
    }
}
