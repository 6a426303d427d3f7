using Xmpp.Client.Tests.Support;
using Xmpp.Client.Extensions.ChatStates;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.ChatStates;

public class ChatStateSendTests
{
    private const string Ns = "http://jabber.org/protocol/chatstates";
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com/balcony");

    [Fact]
    public async Task SendAsync_sends_a_bodyless_chat_message_with_the_state_and_a_no_store_hint()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.ChatStates);
        Assert.True(await harness.Client.ChatStates.SendAsync(Juliet, ChatState.Composing));
        var sent = await harness.ExpectAsync();
        Assert.Equal("juliet@example.com/balcony", sent.GetAttribute("to"));
        Assert.Equal("chat", sent.GetAttribute("type"));
        Assert.NotNull(sent.GetAttribute("id"));
        Assert.Equal(["composing"], sent.Elements().Where(e => e.Namespace == Ns).Select(e => e.Name));
        Assert.NotNull(sent.Element("no-store", "urn:xmpp:hints"));
        Assert.DoesNotContain(sent.Elements(), e => e.Namespace == "jabber:client");
    }

    [Fact]
    public async Task Same_state_twice_in_a_row_is_sent_once_until_a_message_with_a_body_goes_out()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.ChatStates);
        var chatStates = harness.Client.ChatStates;
        Assert.True(await chatStates.SendAsync(Juliet, ChatState.Composing));
        Assert.False(await chatStates.SendAsync(Juliet, ChatState.Composing));
        Assert.True(await chatStates.SendAsync(Jid.Parse("romeo@example.com"), ChatState.Composing));
        Assert.True(await chatStates.SendAsync(Juliet, ChatState.Paused));
        Assert.True(await chatStates.SendAsync(Juliet, ChatState.Composing));
        await harness.Client.SendAsync(new Message(Juliet, "done typing"));
        Assert.True(await chatStates.SendAsync(Juliet, ChatState.Composing));

        string[] expected = ["juliet:composing", "romeo:composing", "juliet:paused", "juliet:composing", "juliet:active", "juliet:composing"];
        foreach (var line in expected)
        {
            var sent = await harness.ExpectAsync();
            Assert.Equal(line, $"{Jid.Parse(sent.GetAttribute("to")!).Local}:{StateOf(sent)}");
        }
    }

    [Fact]
    public async Task Gone_to_a_room_and_types_other_than_chat_or_groupchat_are_refused()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.ChatStates);
        var room = Jid.Parse("room@muc.example.com");
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.ChatStates.SendAsync(room, ChatState.Gone, MessageType.Groupchat).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.ChatStates.SendAsync(Juliet, ChatState.Composing, MessageType.Headline).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.ChatStates.SendAsync(default, ChatState.Composing).AsTask());
        Assert.True(await harness.Client.ChatStates.SendAsync(room, ChatState.Composing, MessageType.Groupchat));
        var sent = await harness.ExpectAsync();
        Assert.Equal(("groupchat", "composing"), (sent.GetAttribute("type"), StateOf(sent)));
    }

    [Fact]
    public async Task A_failed_send_does_not_count_as_the_last_state_sent()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.ChatStates);
        await harness.Client.DisconnectAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.ChatStates.SendAsync(Juliet, ChatState.Composing).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.ChatStates.SendAsync(Juliet, ChatState.Composing).AsTask());
    }

    [Fact]
    public async Task Chat_messages_with_a_body_get_active_unless_they_carry_a_state_or_it_is_switched_off()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.ChatStates);
        await harness.Client.SendAsync(new Message(Juliet, "hello"));
        Assert.Equal("active", StateOf(await harness.ExpectAsync()));

        var gone = new Message(Juliet, "bye");
        gone.SetChatState(ChatState.Gone);
        await harness.Client.SendAsync(gone);
        Assert.Equal("gone", StateOf(await harness.ExpectAsync()));

        await harness.Client.SendAsync(new Message(Jid.Parse("room@muc.example.com"), "hi room", MessageType.Groupchat));
        Assert.Null(StateOf(await harness.ExpectAsync()));
        await harness.Client.SendAsync(new Message(Juliet, "normal", MessageType.Normal));
        Assert.Null(StateOf(await harness.ExpectAsync()));

        harness.Client.ChatStates.SendActiveWithMessages = false;
        await harness.Client.SendAsync(new Message(Juliet, "quiet"));
        Assert.Null(StateOf(await harness.ExpectAsync()));
    }

    [Fact]
    public async Task A_partner_whose_message_came_without_a_chat_state_gets_none_until_one_of_its_messages_carries_one()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.ChatStates);
        var romeo = Jid.Parse("romeo@example.com/orchard");
        await harness.SendAsync("<message from='juliet@example.com/balcony' type='chat' id='1'><body>no states here</body></message>");
        await harness.SyncAsync();

        // XEP-0085 §5.1: a reply without a chat state means no subsequent notifications to that partner.
        await harness.Client.SendAsync(new Message(Juliet, "hello"));
        Assert.Null(StateOf(await harness.ExpectAsync()));
        Assert.False(await harness.Client.ChatStates.SendAsync(Juliet, ChatState.Composing));
        await harness.Client.SendAsync(new Message(romeo, "other partners still get them"));
        Assert.Equal("active", StateOf(await harness.ExpectAsync()));
        await harness.Client.SendAsync(new Message(Juliet.Bare, "nor is the bare JID, a new conversation"));
        Assert.Equal("active", StateOf(await harness.ExpectAsync()));

        await harness.SendAsync($"<message from='juliet@example.com/balcony' type='chat' id='2'><composing xmlns='{Ns}'/></message>");
        await harness.SyncAsync();
        await harness.Client.SendAsync(new Message(Juliet, "you type, so you support them"));
        Assert.Equal("active", StateOf(await harness.ExpectAsync()));
        Assert.True(await harness.Client.ChatStates.SendAsync(Juliet, ChatState.Composing));
        Assert.Equal("composing", StateOf(await harness.ExpectAsync()));
    }

    [Fact]
    public async Task Messages_without_a_body_or_of_other_types_teach_nothing_about_support()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.ChatStates);
        await harness.SendAsync("<message from='juliet@example.com/balcony' type='chat' id='1'><request xmlns='urn:xmpp:receipts'/></message>");
        await harness.SendAsync("<message from='juliet@example.com/balcony' type='normal' id='2'><body>a normal message</body></message>");
        await harness.SyncAsync();
        await harness.Client.SendAsync(new Message(Juliet, "hello"));
        Assert.Equal("active", StateOf(await harness.ExpectAsync()));
    }

    private static string? StateOf(XmppElement message) =>
        message.Elements().SingleOrDefault(e => e.Namespace == Ns)?.Name;
}
