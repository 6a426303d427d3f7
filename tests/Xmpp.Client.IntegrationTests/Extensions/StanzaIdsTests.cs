using Xmpp.Client.Extensions.StanzaIds;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// Stanza ids (XEP-0359) on Prosody and ejabberd: both run MAM (mod_mam) with archiving on by default, announce
/// urn:xmpp:sid:0 on the account, and stamp each archived message with a stanza-id by the recipient's bare JID.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class StanzaIdsTests(ServersFixture fixture)
{
    private const string Ns = "urn:xmpp:sid:0";

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Message_keeps_alices_origin_id_and_gets_a_stanza_id_from_bobs_server(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice"));
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        Assert.True(bob.StanzaIds.ServerSupportsStanzaIds);
        var inbox = new MessageInbox(bob);
        var body = $"ids {Guid.NewGuid():N}";
        var message = new Message(bob.BoundJid!.Value, body);
        var id = await alice.SendAsync(message);

        var atBob = await inbox.WaitForBodyAsync(body, TimeSpan.FromSeconds(20));
        Assert.Equal(id, atBob.GetOriginId());
        var stanzaId = bob.StanzaIds.GetStanzaId(atBob);
        Assert.False(string.IsNullOrEmpty(stanzaId));
        Assert.Contains(atBob.Payloads, p => p.Name == System.Xml.Linq.XName.Get("stanza-id", Ns)
            && p.Attribute("by")?.Value == bob.BoundJid.Value.Bare.ToString() && p.Attribute("id")?.Value == stanzaId);
    }

    /// <remarks>
    /// ejabberd deletes the forged element, as XEP-0359 §3 requires. Prosody 0.12 keeps it next to its own on a message
    /// it archives, so the message claims two ids by bob's account and the client trusts neither; on a message it does
    /// not archive (no body), both servers delete the forgery.
    /// </remarks>
    [Theory]
    [InlineData("prosody", false)]
    [InlineData("ejabberd", true)]
    public async Task Stanza_id_forged_by_the_sender_is_never_taken_for_the_servers(string serverName, bool serverDeletesForgery)
    {
        var server = fixture.Servers.Named(serverName);
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice"));
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        var inbox = new MessageInbox(bob);
        var body = $"forged {Guid.NewGuid():N}";
        var message = new Message(bob.BoundJid!.Value, body);
        message.AddPayload(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("stanza-id", Ns),
            new System.Xml.Linq.XAttribute("id", "forged-by-alice"), new System.Xml.Linq.XAttribute("by", bob.BoundJid.Value.Bare.ToString())));
        await alice.SendAsync(message);

        var atBob = await inbox.WaitForBodyAsync(body, TimeSpan.FromSeconds(20));
        var ids = atBob.Payloads.Where(p => p.Name == System.Xml.Linq.XName.Get("stanza-id", Ns)).Select(p => p.Attribute("id")?.Value).ToList();
        Assert.Equal(!serverDeletesForgery, ids.Contains("forged-by-alice"));
        Assert.Equal(serverDeletesForgery ? 1 : 2, ids.Count);
        var trusted = bob.StanzaIds.GetStanzaId(atBob);
        Assert.Equal(serverDeletesForgery ? ids.Single() : null, trusted);
        Assert.NotEqual("forged-by-alice", trusted);

        var notArchived = new Message { To = bob.BoundJid.Value, Type = MessageType.Chat };
        notArchived.AddPayload(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("stanza-id", Ns),
            new System.Xml.Linq.XAttribute("id", "forged-again"), new System.Xml.Linq.XAttribute("by", bob.BoundJid.Value.Bare.ToString())));
        var notArchivedId = await alice.SendAsync(notArchived);
        var bodyless = await inbox.WaitForAsync(m => m.Id == notArchivedId, TimeSpan.FromSeconds(20));
        Assert.False(bodyless.HasPayload(System.Xml.Linq.XName.Get("stanza-id", Ns)));
        Assert.Null(bob.StanzaIds.GetStanzaId(bodyless));
    }
}
