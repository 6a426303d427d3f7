using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Mam;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Mam;

/// <summary>Message archives (XEP-0313 with XEP-0059 paging): the protocol, paging, forged results and catch-up dedupe.</summary>
public class MamTests
{
    private const string Ns = "urn:xmpp:mam:2";
    private const string Rsm = "http://jabber.org/protocol/rsm";
    private const string Account = MessagingHarness.Account;
    private static readonly XmppExtensionSet Mam = XmppExtensionSet.Empty.Add<MamExtension>();

    [Fact]
    public async Task Query_pages_forward_with_rsm_after_until_the_server_says_complete()
    {
        await using var harness = await ConnectAsync();
        var live = 0;
        harness.Client.MessageReceived += message => { if (!IsMarker(message)) { Interlocked.Increment(ref live); } return Task.CompletedTask; };
        var mam = harness.Client.GetExtension<MamExtension>();

        var reading = ReadAllAsync(mam.QueryAsync(new MamQuery { With = Jid.Parse("juliet@example.com"), PageSize = 2 }));
        var first = await harness.ExpectAsync("iq");
        await AnswerPageAsync(harness, first, from: null, ["a1", "a2"], complete: false);
        var second = await harness.ExpectAsync("iq");
        await AnswerPageAsync(harness, second, from: null, ["a3"], complete: true);
        var messages = await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a1", "a2", "a3"], messages.Select(m => m.Id));
        Assert.Equal(["body a1", "body a2", "body a3"], messages.Select(m => m.Message.Body));
        Assert.All(messages, m => Assert.Equal(Jid.Parse("juliet@example.com/balcony"), m.Message.From));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), messages[0].Timestamp);
        Assert.All(messages, m => Assert.Equal(Jid.Parse(Account), m.Archive));
        var query1 = Query(first);
        var query2 = Query(second);
        Assert.Equal("set", first.GetAttribute("type"));
        Assert.Null(first.GetAttribute("to"));
        Assert.NotEqual(query1.GetAttribute("queryid"), query2.GetAttribute("queryid"));
        Assert.Contains("juliet@example.com", query1.ToString(), StringComparison.Ordinal);
        Assert.Equal("2", Set(query1).Element("max", Rsm)!.Value);
        Assert.Null(Set(query1).Element("after", Rsm));
        Assert.Equal("a2", Set(query2).Element("after", Rsm)!.Value);
        await harness.SyncAsync();
        Assert.Equal(0, Volatile.Read(ref live)); // results are never raised as ordinary messages
    }

    [Fact]
    public async Task GetLast_asks_backwards_with_before_and_returns_the_last_n_oldest_first()
    {
        await using var harness = await ConnectAsync();
        var mam = harness.Client.GetExtension<MamExtension>();

        var reading = mam.GetLastAsync(3, new MamQuery { PageSize = 2 });
        var first = await harness.ExpectAsync("iq");
        await AnswerPageAsync(harness, first, from: null, ["a4", "a5"], complete: false);
        var second = await harness.ExpectAsync("iq");
        await AnswerPageAsync(harness, second, from: null, ["a3"], complete: false);
        var messages = await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a3", "a4", "a5"], messages.Select(m => m.Id));
        Assert.Equal(string.Empty, Set(Query(first)).Element("before", Rsm)!.Value);
        Assert.Equal("a4", Set(Query(second)).Element("before", Rsm)!.Value);
        Assert.Equal("1", Set(Query(second)).Element("max", Rsm)!.Value); // only what is still missing
    }

    [Fact]
    public async Task Results_not_from_the_archive_or_for_an_unknown_queryid_are_dropped_and_logged()
    {
        var logs = new ListLoggerFactory();
        await using var harness = await ConnectAsync(logs);
        var live = new List<Message>();
        harness.Client.MessageReceived += message => { if (!IsMarker(message)) { lock (live) { live.Add(message); } } return Task.CompletedTask; };
        var mam = harness.Client.GetExtension<MamExtension>();

        var reading = ReadAllAsync(mam.QueryAsync());
        var request = await harness.ExpectAsync("iq");
        var queryId = Query(request).GetAttribute("queryid")!;
        await harness.SendAsync(Result("juliet@example.com", queryId, "forged-1"));
        await harness.SendAsync(Result(Account + "/other", queryId, "forged-2"));
        await harness.SendAsync(Result(null, "not-ours", "forged-3"));
        await AnswerPageAsync(harness, request, from: null, ["real"], complete: true);
        var messages = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        await harness.SyncAsync();

        Assert.Equal(["real"], messages.Select(m => m.Id));
        lock (live)
        {
            Assert.Empty(live);
        }

        Assert.Equal(2, logs.Messages.Count(m => m.Contains("the archive asked is", StringComparison.Ordinal)));
        Assert.Single(logs.Messages, m => m.Contains("'not-ours'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_room_archive_is_asked_at_the_room_and_accepts_results_only_from_its_bare_JID()
    {
        await using var harness = await ConnectAsync();
        var mam = harness.Client.GetExtension<MamExtension>();
        var room = Jid.Parse("lobby@conference.example.com");

        var reading = ReadAllAsync(mam.QueryAsync(new MamQuery { Archive = room }));
        var request = await harness.ExpectAsync("iq");
        var queryId = Query(request).GetAttribute("queryid")!;
        await harness.SendAsync(Result(null, queryId, "from-account"));
        await harness.SendAsync(Result("lobby@conference.example.com/nick", queryId, "from-occupant"));
        await AnswerPageAsync(harness, request, from: room.ToString(), ["r1", "r2"], complete: true);
        var messages = await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(room.ToString(), request.GetAttribute("to"));
        Assert.Equal(["r1", "r2"], messages.Select(m => m.Id));
        Assert.All(messages, m => Assert.Equal(room, m.Archive));
        await Assert.ThrowsAsync<ArgumentException>(() => ReadAllAsync(mam.QueryAsync(new MamQuery { Archive = Jid.Parse("lobby@conference.example.com/nick") })));
    }

    [Fact]
    public async Task Catch_up_skips_messages_seen_live_and_a_live_copy_of_a_recovered_message_is_not_raised_again()
    {
        await using var harness = await ConnectAsync();
        var live = new List<string?>();
        harness.Client.MessageReceived += message => { if (!IsMarker(message)) { lock (live) { live.Add(message.Body); } } return Task.CompletedTask; };
        var mam = harness.Client.GetExtension<MamExtension>();
        await harness.SendAsync(LiveMessage("s1"));
        await harness.SyncAsync();
        Assert.Equal("s1", mam.LastArchiveId);

        var reading = ReadAllAsync(mam.CatchUpAsync("s0"));
        var request = await harness.ExpectAsync("iq");
        await AnswerPageAsync(harness, request, from: null, ["s1", "s2", "s3"], complete: true);
        var recovered = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        await harness.SendAsync(LiveMessage("s3"));
        await harness.SendAsync(LiveMessage("s4"));
        await harness.SyncAsync();

        Assert.Equal("s0", Set(Query(request)).Element("after", Rsm)!.Value);
        Assert.Equal(["s2", "s3"], recovered.Select(m => m.Id));
        lock (live)
        {
            Assert.Equal(["live s1", "live s4"], live);
        }

        Assert.Equal("s4", mam.LastArchiveId);
    }

    [Fact]
    public async Task Preferences_are_read_and_written_as_prefs()
    {
        await using var harness = await ConnectAsync();
        var mam = harness.Client.GetExtension<MamExtension>();

        var getting = mam.GetPreferencesAsync();
        var get = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{get.GetAttribute("id")}'><prefs xmlns='{Ns}' default='roster'><always><jid>romeo@montague.net</jid></always><never><jid>tybalt@capulet.com</jid></never></prefs></iq>");
        var prefs = await getting;
        var setting = mam.SetPreferencesAsync(prefs with { Default = MamDefaultBehavior.Always, Never = [] });
        var set = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{set.GetAttribute("id")}'/>");
        var stored = await setting;

        Assert.Equal("get", get.GetAttribute("type"));
        Assert.Equal(MamDefaultBehavior.Roster, prefs.Default);
        Assert.Equal([Jid.Parse("romeo@montague.net")], prefs.Always);
        Assert.Equal([Jid.Parse("tybalt@capulet.com")], prefs.Never);
        var written = Assert.Single(set.Elements("prefs", Ns));
        Assert.Equal("always", written.GetAttribute("default"));
        Assert.Equal("romeo@montague.net", Assert.Single(written.Element("always", Ns)!.Elements("jid", Ns)).Value);
        Assert.Empty(written.Element("never", Ns)!.Elements("jid", Ns));
        Assert.Equal(MamDefaultBehavior.Always, stored.Default);
    }

    [Fact]
    public async Task A_page_keeps_no_more_results_than_it_asked_for()
    {
        var logs = new ListLoggerFactory();
        await using var harness = await ConnectAsync(logs);
        var mam = harness.Client.GetExtension<MamExtension>();

        var paging = mam.QueryPageAsync(new MamQuery(), null, 2);
        var request = await harness.ExpectAsync("iq");
        await AnswerPageAsync(harness, request, from: null, ["a1", "a2", "a3", "a4"], complete: true);
        var page = await paging.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a1", "a2"], page.Messages.Select(m => m.Id));
        Assert.True(page.Complete);
        await harness.SyncAsync();
        // Dropped as surplus, or (when the answer completed the full page before they were routed) as for no query of ours.
        Assert.Equal(2, logs.Messages.Count(m => m.Contains("more results than the 2 asked for", StringComparison.Ordinal)
                                              || m.Contains("no query of ours has queryid", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_archive_error_fails_the_enumeration_with_the_servers_error()
    {
        await using var harness = await ConnectAsync();
        var mam = harness.Client.GetExtension<MamExtension>();

        var reading = ReadAllAsync(mam.QueryAsync(new MamQuery { After = "gone" }));
        var request = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='error' id='{request.GetAttribute("id")}'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => reading);
        Assert.Equal(StanzaErrorCondition.ItemNotFound, error.Error.Condition);
    }

    [Fact]
    public async Task Querying_from_inside_an_event_handler_that_holds_the_event_task_is_refused()
    {
        await using var harness = await ConnectAsync();
        var mam = harness.Client.GetExtension<MamExtension>();
        var refused = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Client.MessageReceived += async _ =>
        {
            try
            {
                await mam.QueryPageAsync(new MamQuery(), null, 10);
                refused.TrySetResult(null);
            }
            catch (InvalidOperationException error)
            {
                refused.TrySetResult(error);
            }
        };

        await harness.SendAsync("<message from='juliet@example.com/b' id='x'><body>hi</body></message>");

        Assert.IsType<InvalidOperationException>(await refused.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Remembered_ids_are_bounded_and_forget_the_oldest()
    {
        var ids = new RecentIds(3);
        Assert.True(ids.Add("a"));
        Assert.False(ids.Add("a"));
        ids.Add("b");
        ids.Add("c");
        ids.Add("d");

        Assert.Equal(3, ids.Count);
        Assert.False(ids.Contains("a"));
        Assert.True(ids.Contains("d"));
    }

    private static Task<MessagingHarness> ConnectAsync(ListLoggerFactory? logs = null) =>
        MessagingHarness.ConnectAsync(Mam, async server =>
        {
            var disco = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{disco.GetAttribute("id")}' from='{Account}'><query xmlns='http://jabber.org/protocol/disco#info'>" +
                                   $"<identity category='account' type='registered'/><feature var='urn:xmpp:sid:0'/><feature var='{Ns}'/></query></iq>");
        }, logs: logs);

    private static async Task<List<ArchivedMessage>> ReadAllAsync(IAsyncEnumerable<ArchivedMessage> messages)
    {
        var list = new List<ArchivedMessage>();
        await foreach (var message in messages)
        {
            list.Add(message);
        }

        return list;
    }

    /// <summary>The harness's sync markers: its own handler, which runs first, releases the test before ours saw them.</summary>
    private static bool IsMarker(Message message) => message.Id?.StartsWith("marker-", StringComparison.Ordinal) == true;

    private static XmppElement Query(XmppElement iq) => Assert.Single(iq.Elements("query", Ns));

    private static XmppElement Set(XmppElement query) => Assert.Single(query.Elements("set", Rsm));

    private static string LiveMessage(string archiveId) =>
        $"<message from='juliet@example.com/balcony' id='live-{archiveId}' type='chat'><body>live {archiveId}</body><stanza-id xmlns='urn:xmpp:sid:0' by='{Account}' id='{archiveId}'/></message>";

    private static string Result(string? from, string queryId, string id) =>
        $"<message{(from is null ? "" : $" from='{from}'")} id='r-{id}'><result xmlns='{Ns}' queryid='{queryId}' id='{id}'>" +
        "<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2026-01-02T03:04:05Z'/>" +
        $"<message xmlns='jabber:client' from='juliet@example.com/balcony' to='{Account}' type='chat' id='orig-{id}'><body>body {id}</body></message>" +
        "</forwarded></result></message>";

    private static async Task AnswerPageAsync(MessagingHarness harness, XmppElement request, string? from, string[] ids, bool complete)
    {
        var queryId = Query(request).GetAttribute("queryid")!;
        foreach (var id in ids)
        {
            await harness.SendAsync(Result(from, queryId, id));
        }

        var set = ids.Length == 0 ? $"<set xmlns='{Rsm}'><count>0</count></set>" : $"<set xmlns='{Rsm}'><first>{ids[0]}</first><last>{ids[^1]}</last></set>";
        await harness.SendAsync($"<iq type='result' id='{request.GetAttribute("id")}'{(from is null ? "" : $" from='{from}'")}><fin xmlns='{Ns}'{(complete ? " complete='true'" : "")}>{set}</fin></iq>");
    }
}
