using Xmpp.Client.Tests.Support;
using Xmpp.Client.Extensions.ChatStates;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.ChatStates;

public class ChatStateReceiveTests
{
    private const string Ns = "http://jabber.org/protocol/chatstates";

    [Fact]
    public async Task ChatStateReceived_is_raised_for_standalone_and_content_messages_but_not_errors_or_gone_in_rooms()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.ChatStates);
        var states = new List<string>();
        var messages = new List<string?>();
        harness.Client.ChatStates.ChatStateReceived += notification =>
        {
            states.Add($"{notification.From}:{notification.State}:{notification.Message.Id}");
            return Task.CompletedTask;
        };
        harness.Client.MessageReceived += message =>
        {
            messages.Add(message.Id);
            return Task.CompletedTask;
        };
        await harness.SendAsync($"<message from='juliet@example.com/b' id='1' type='chat'><composing xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message from='juliet@example.com/b' id='2' type='chat'><body>hi</body><active xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message from='juliet@example.com/b' id='3' type='error'><paused xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message from='room@muc.example.com/nurse' id='4' type='groupchat'><gone xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message from='room@muc.example.com/nurse' id='5' type='groupchat'><inactive xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message from='juliet@example.com/b' id='6' type='chat'><dancing xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message id='7' type='chat'><gone xmlns='{Ns}'/></message>");
        await harness.SyncAsync();
        Assert.Equal(["juliet@example.com/b:Composing:1", "juliet@example.com/b:Active:2", "room@muc.example.com/nurse:Inactive:5"], states);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], messages.Take(7));
    }

    [Theory]
    [InlineData("active", ChatState.Active)]
    [InlineData("composing", ChatState.Composing)]
    [InlineData("paused", ChatState.Paused)]
    [InlineData("inactive", ChatState.Inactive)]
    [InlineData("gone", ChatState.Gone)]
    public void GetChatState_reads_each_state_and_SetChatState_writes_it_back(string name, ChatState state)
    {
        var message = new Message();
        message.AddPayload(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get(name, Ns)));
        Assert.Equal(state, message.GetChatState());

        var written = new Message();
        written.SetChatState(state);
        Assert.Equal(name, Assert.Single(written.Payloads).Name.LocalName);
    }

    [Fact]
    public void SetChatState_replaces_the_state_and_null_removes_it_and_unknown_elements_read_as_none()
    {
        var message = new Message(Jid.Parse("juliet@example.com"), "hi");
        message.SetChatState(ChatState.Composing);
        message.SetChatState(ChatState.Paused);
        Assert.Equal(ChatState.Paused, message.GetChatState());
        Assert.Single(message.Payloads);
        message.SetChatState(null);
        Assert.Null(message.GetChatState());
        Assert.Empty(message.Payloads);

        message.AddPayload(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("dancing", Ns)));
        Assert.Null(message.GetChatState());
    }
}
