using Microsoft.Extensions.Logging;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>The cache of others' capabilities, through a client and a scripted server.</summary>
public class CapsVerificationTests
{
    private const string Juliet = "juliet@example.com/balcony";
    private const string Romeo = "romeo@example.com/orchard";
    private const string ExodusNode = "http://code.google.com/p/exodus";
    private const string BogusVer = "AAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Verified_caps_are_cached_and_another_entity_with_the_same_ver_needs_no_query()
    {
        var queried = new TaskCompletionSource<string>();
        var synced = new TaskCompletionSource<int>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.SendCapsPresenceAsync(Juliet, CapsExamples.SimpleVer);
            var get = await server.ExpectRequestAsync(ServerScript.DiscoInfo);
            queried.SetResult($"{get.GetAttribute("to")} {get.Elements().Single().GetAttribute("node")}");
            await server.AnswerAsync(get, CapsExamples.Simple().WithNode($"{ExodusNode}#{CapsExamples.SimpleVer}").ToXElement());
            await server.SendCapsPresenceAsync(Romeo, CapsExamples.SimpleVer);
            await server.SyncAsync();
            synced.SetResult(server.Received.Count(line => line.Contains(ServerScript.DiscoInfo, StringComparison.Ordinal)));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            // The query shows the presence was handled; the answer may or may not have arrived yet.
            Assert.Equal($"{Juliet} {ExodusNode}#{CapsExamples.SimpleVer}", await queried.Task.WaitAsync(Wait));
            var info = await client.Disco.GetCapabilitiesAsync(Jid.Parse(Juliet)).WaitAsync(Wait);
            Assert.NotNull(info);
            Assert.True(info.HasFeature("http://jabber.org/protocol/muc"));
            Assert.Equal(1, await synced.Task.WaitAsync(Wait));
            Assert.True(client.Disco.TryGetCapabilities(Jid.Parse(Romeo), out var romeo));
            Assert.Same(info, romeo);
        }
    }

    [Fact]
    public async Task An_answer_that_does_not_hash_to_the_ver_is_logged_and_not_cached()
    {
        var logs = new ListLoggerFactory();
        var retry = new TaskCompletionSource();
        var queried = new TaskCompletionSource();
        var asked = new TaskCompletionSource<string?>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.SendCapsPresenceAsync(Juliet, BogusVer);
            var get = await server.ExpectRequestAsync(ServerScript.DiscoInfo);
            queried.SetResult();
            await server.AnswerAsync(get, CapsExamples.Simple().ToXElement());
            await retry.Task;
            await server.SendCapsPresenceAsync(Romeo, BogusVer);
            var again = await server.ExpectRequestAsync(ServerScript.DiscoInfo);
            asked.SetResult(again.GetAttribute("to"));
            await server.AnswerAsync(again, CapsExamples.Simple().ToXElement());
            await server.UntilClientClosesAsync();
        }, logs: logs);
        await using (client)
        {
            await queried.Task.WaitAsync(Wait);
            Assert.Null(await client.Disco.GetCapabilitiesAsync(Jid.Parse(Juliet)).WaitAsync(Wait));
            Assert.False(client.Disco.TryGetCapabilities(Jid.Parse(Juliet), out _));
            Assert.True(Logged(logs, 2301, LogLevel.Warning));
            retry.SetResult();
            Assert.Equal(Romeo, await asked.Task.WaitAsync(Wait));
        }
    }

    [Fact]
    public async Task An_answer_with_a_repeated_feature_is_not_cached_even_when_its_hash_matches()
    {
        var logs = new ListLoggerFactory();
        var duplicated = new DiscoInfo([new DiscoIdentity("client", "pc")], ["urn:a", "urn:a", "urn:b"]);
        var ver = CapsHash.Compute(duplicated);
        var queried = new TaskCompletionSource();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.SendCapsPresenceAsync(Juliet, ver);
            var get = await server.ExpectRequestAsync(ServerScript.DiscoInfo);
            queried.SetResult();
            await server.AnswerAsync(get, duplicated.ToXElement());
            await server.UntilClientClosesAsync();
        }, logs: logs);
        await using (client)
        {
            await queried.Task.WaitAsync(Wait);
            Assert.Null(await client.Disco.GetCapabilitiesAsync(Jid.Parse(Juliet)).WaitAsync(Wait));
            Assert.False(client.Disco.TryGetCapabilities(Jid.Parse(Juliet), out _));
            Assert.True(Logged(logs, 2302, LogLevel.Warning));
        }
    }

    [Fact]
    public async Task The_same_entity_is_not_asked_again_for_a_ver_that_failed()
    {
        var synced = new TaskCompletionSource();
        var failed = new TaskCompletionSource();
        var queried = new TaskCompletionSource();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.SendCapsPresenceAsync(Juliet, BogusVer);
            var get = await server.ExpectRequestAsync(ServerScript.DiscoInfo);
            queried.SetResult();
            await server.AnswerAsync(get, CapsExamples.Simple().ToXElement());
            await failed.Task;
            await server.SendCapsPresenceAsync(Juliet, BogusVer);
            await server.SyncAsync();
            synced.SetResult();
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            await queried.Task.WaitAsync(Wait);
            Assert.Null(await client.Disco.GetCapabilitiesAsync(Jid.Parse(Juliet)).WaitAsync(Wait));
            failed.SetResult();
            await synced.Task.WaitAsync(Wait);
            var again = client.Disco.GetCapabilitiesAsync(Jid.Parse(Juliet));
            Assert.True(again.IsCompletedSuccessfully, "A new lookup was started for a ver that already failed.");
            Assert.Null(await again);
        }
    }

    [Fact]
    public async Task Unavailable_presence_forgets_the_entity_and_unknown_hash_functions_are_not_queried()
    {
        var synced = new TaskCompletionSource();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.SendCapsPresenceAsync(Juliet, CapsExamples.SimpleVer);
            await server.AnswerAsync(await server.ExpectRequestAsync(ServerScript.DiscoInfo), CapsExamples.Simple().ToXElement());
            await server.SendAsync($"<presence type='unavailable' from='{Juliet}'/>");
            await server.SendCapsPresenceAsync(Romeo, "d41d8cd98f00b204e9800998ecf8427e", hash: "md5");
            await server.SyncAsync();
            synced.SetResult();
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            await synced.Task.WaitAsync(Wait);
            Assert.False(client.Disco.TryGetCapabilities(Jid.Parse(Juliet), out _));
            var romeo = client.Disco.GetCapabilitiesAsync(Jid.Parse(Romeo));
            Assert.True(romeo.IsCompletedSuccessfully);
            Assert.Null(await romeo);
        }
    }

    [Fact]
    public async Task Our_own_presence_echo_is_known_without_a_query()
    {
        var synced = new TaskCompletionSource<int>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var presence = await server.ExpectPresenceAsync();
            var caps = EntityCapabilities.FromXElement(presence.Element("c", "http://jabber.org/protocol/caps")!.ToXElement());
            await server.SendCapsPresenceAsync("user@example.com/test", caps.Ver, caps.Node);
            await server.SyncAsync();
            synced.SetResult(server.Received.Count(line => line.Contains(ServerScript.DiscoInfo, StringComparison.Ordinal)));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            await client.SendAsync(new Xmpp.Client.Stanzas.Presence());
            Assert.Equal(0, await synced.Task.WaitAsync(Wait));
            Assert.True(client.Disco.TryGetCapabilities(client.BoundJid!.Value, out var own));
            Assert.Equal(client.Disco.OwnInfo.Features, own.Features);
        }
    }

    private static bool Logged(ListLoggerFactory logs, int eventId, LogLevel level)
    {
        lock (logs.Logger)
        {
            return logs.Logger.Entries.Any(entry => entry.Id.Id == eventId && entry.Level == level);
        }
    }
}
