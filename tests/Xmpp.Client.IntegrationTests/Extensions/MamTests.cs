using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Mam;
using Xmpp.Client.IntegrationTests.Faults;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// Message archives (XEP-0313) on Prosody (mod_mam, muc_mam) and ejabberd (mod_mam, rooms archived by default): paging
/// both ways over several pages, filters, a room's archive, preferences, and catching up after a reconnection.
/// Archives persist for the whole server run, so each test tags its bodies and looks only at its own.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class MamTests(ServersFixture fixture)
{
    private static XmppExtensionSet WithMam(bool catchUp = false) =>
        XmppExtensionSet.Default.Add(() => new MamExtension { CatchUpAfterReconnection = catchUp });

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Query_pages_forward_and_backward_by_with_time_range_and_after_an_id(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var tag = $"mam-{Guid.NewGuid():N}";
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice") with { Extensions = WithMam() });
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        var sent = await ArchiveSeeding.ConverseAsync(alice, bob, tag, 45, block: 5);
        var mam = alice.GetExtension<MamExtension>();
        var withBob = new MamQuery { With = bob.BoundJid!.Value.Bare, Start = before, PageSize = 10 };

        var forward = await MineAsync(mam.QueryAsync(withBob), tag);
        Assert.Equal(sent.Select(m => m.Body), forward.Select(m => m.Message.Body));
        Assert.Equal(sent.Select(m => m.Sender), forward.Select(m => m.Message.From!.Value.Bare));
        Assert.All(forward, m => Assert.True(m.Timestamp >= before.AddSeconds(-1), $"{m.Timestamp}"));
        Assert.Equal(forward.Count, forward.Select(m => m.Id).Distinct().Count());

        var backward = await MineAsync(mam.QueryAsync(withBob with { Backward = true }), tag);
        Assert.Equal(sent.Select(m => m.Body).Reverse(), backward.Select(m => m.Message.Body));

        var afterId = forward[29].Id;
        var rest = await MineAsync(mam.QueryAsync(withBob with { After = afterId, Start = null }), tag);
        Assert.Equal(sent.Skip(30).Select(m => m.Body), rest.Select(m => m.Message.Body));

        var earlier = await MineAsync(mam.QueryAsync(withBob with { Start = before.AddHours(-1), End = before.AddSeconds(-1) }), tag);
        Assert.Empty(earlier);
        var withCarol = await MineAsync(mam.QueryAsync(withBob with { With = Jid.Parse(server.Account("carol").Jid) }), tag);
        Assert.Empty(withCarol);

        var everything = await mam.QueryAsync(withBob).ToListAsync(); // with what the tag filter leaves out (receipts)
        var lastFive = await mam.GetLastAsync(5, withBob with { PageSize = 2 });
        Assert.Equal(everything.TakeLast(5).Select(m => m.Id), lastFive.Select(m => m.Id));

        var page = await mam.QueryPageAsync(withBob, null, 7);
        Assert.Equal(7, page.Messages.Count);
        Assert.False(page.Complete);
        Assert.Equal(page.Messages[0].Id, page.First);
        Assert.Equal(page.Messages[^1].Id, page.Last);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_rooms_archive_holds_its_groupchat_lines_in_order(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var tag = $"room-mam-{Guid.NewGuid():N}";
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice") with { Extensions = WithMam() });
        var room = alice.Muc.GetRoom(Jid.Parse(server.Room($"mam-{Guid.NewGuid():N}")));
        var echoes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        room.MessageReceived += e =>
        {
            if (e.IsOwn && e.Body == $"{tag} 4")
            {
                echoes.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await room.JoinAsync("Alice");
        for (var i = 0; i < 5; i++)
        {
            await room.SendMessageAsync($"{tag} {i}");
        }

        await echoes.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var messages = await alice.GetExtension<MamExtension>().QueryAsync(new MamQuery { Archive = room.Jid, PageSize = 2 }).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{tag} {i}"), messages.Select(m => m.Message.Body));
        Assert.All(messages, m => Assert.Equal(room.Jid, m.Archive));
        Assert.All(messages, m => Assert.Equal(room.Jid, m.Message.From!.Value.Bare));
        Assert.All(messages, m => Assert.Equal(MessageType.Groupchat, m.Message.Type));
        await room.LeaveAsync();
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Preferences_are_read_and_changed(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var carol = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "carol") with { Extensions = WithMam() });
        var mam = carol.GetExtension<MamExtension>();
        var original = await mam.GetPreferencesAsync();
        var romeo = Jid.Parse($"romeo@{server.Domain}");
        var juliet = Jid.Parse($"juliet@{server.Domain}");
        try
        {
            var stored = await mam.SetPreferencesAsync(new MamPreferences(MamDefaultBehavior.Roster, [romeo], [juliet]));
            var read = await mam.GetPreferencesAsync();

            Assert.Equal(MamDefaultBehavior.Roster, stored.Default);
            Assert.Equal(MamDefaultBehavior.Roster, read.Default);
            Assert.Equal([romeo], read.Always);
            Assert.Equal([juliet], read.Never);
        }
        finally
        {
            await mam.SetPreferencesAsync(original);
        }

        Assert.Equal(original.Default, (await mam.GetPreferencesAsync()).Default);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task After_a_reconnection_that_is_not_resumed_the_messages_sent_meanwhile_are_recovered_once(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var tag = $"catchup-{Guid.NewGuid():N}";
        await using var proxy = FaultProxy.Start(server.EndPoint);
        var options = ClientFactory.Options(fixture.Servers, server, "carol").Through(proxy) with
        {
            Extensions = WithMam(catchUp: true),
            StreamManagement = false,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(200),
        };
        await using var carol = await ClientFactory.ConnectedAsync(options);
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        var mam = carol.GetExtension<MamExtension>();
        var recovered = new List<ArchivedMessage>();
        var caughtUp = new TaskCompletionSource<MamCaughtUpEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        mam.MessageRecovered += e => { lock (recovered) { recovered.Add(e.Message); } return Task.CompletedTask; };
        mam.CaughtUp += e => { caughtUp.TrySetResult(e); return Task.CompletedTask; };
        var live = new List<string>();
        carol.MessageReceived += m => { if (m.Body?.StartsWith(tag, StringComparison.Ordinal) == true) { lock (live) { live.Add(m.Body); } } return Task.CompletedTask; };
        var inbox = new MessageInbox(carol);
        await bob.SendAsync(new Message(carol.BoundJid!.Value, $"{tag} live"));
        await inbox.WaitForBodyAsync($"{tag} live", TimeSpan.FromSeconds(20));
        var lastSeen = mam.LastArchiveId;
        Assert.NotNull(lastSeen);

        var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        carol.StateChanged += change => { if (change.State != XmppClientState.Connected) { down.TrySetResult(); } return Task.CompletedTask; };
        proxy.RefuseNew(true);
        await proxy.CutAllAsync();
        await down.Task.WaitAsync(TimeSpan.FromSeconds(20));
        for (var i = 0; i < 3; i++)
        {
            await bob.SendAsync(new Message(carol.Options.Jid.Bare, $"{tag} {i}"));
        }

        await Task.Delay(500); // the server archives them meanwhile
        proxy.RefuseNew(false);
        var done = await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Null(done.Error);
        Assert.Equal(lastSeen, done.AfterArchiveId);
        lock (recovered)
        {
            Assert.Equal(["0", "1", "2"], recovered.Where(m => m.Message.Body?.StartsWith(tag, StringComparison.Ordinal) == true).Select(m => m.Message.Body![(tag.Length + 1)..]));
            Assert.Equal(recovered.Count, recovered.Select(m => m.Id).Distinct().Count());
            Assert.DoesNotContain(recovered, m => m.Id == lastSeen);
        }

        lock (live)
        {
            Assert.Equal([$"{tag} live"], live); // none of the recovered ones was also raised live
        }

        Assert.Equal(recovered[^1].Id, mam.LastArchiveId);
    }

    private static async Task<List<ArchivedMessage>> MineAsync(IAsyncEnumerable<ArchivedMessage> messages, string tag) =>
        (await messages.ToListAsync()).Where(m => m.Message.Body?.StartsWith(tag, StringComparison.Ordinal) == true).ToList();
}
