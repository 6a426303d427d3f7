using Xmpp.Client;
using Xmpp.Client.Extensions.Muc;

namespace PackageTests;

/// <summary>
/// Group chat as a new user writes it from the README's "Group chat" section, against the packed package and a real
/// Prosody: a bot that answers lines addressed to it and echoes private messages, and a person in the same room.
/// </summary>
public sealed class GroupChatTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_bot_in_a_room_it_created_answers_the_lines_addressed_to_it_and_echoes_private_messages()
    {
        var server = TestServer.Prosody;
        var roomJid = Jid.Parse($"package-{Guid.NewGuid():N}@{server.MucService}");
        await using var botClient = new XmppClient(server.Options("bot"));
        await using var bobClient = new XmppClient(server.Options("bob"));
        await botClient.ConnectAsync();
        await bobClient.ConnectAsync();

        var room = botClient.Muc.GetRoom(roomJid);
        room.MessageReceived += async message =>
        {
            if (message.IsHistory || message.IsOwn || message.Body is not { } body) return;
            if (body.StartsWith("bot: ", StringComparison.Ordinal)) await room.SendMessageAsync($"{message.Nick}: {body[5..]}");
        };
        room.PrivateMessageReceived += async pm => await room.SendPrivateMessageAsync(pm.Nick, $"You said: {pm.Body}");
        await room.JoinAsync("bot");

        var bobsRoom = bobClient.Muc.GetRoom(roomJid);
        var lines = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var privately = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        bobsRoom.MessageReceived += message =>
        {
            if (message.Nick == "bot" && message.Body is { } body) lines.TrySetResult(body);
            return Task.CompletedTask;
        };
        bobsRoom.PrivateMessageReceived += pm =>
        {
            privately.TrySetResult(pm.Body ?? string.Empty);
            return Task.CompletedTask;
        };
        await bobsRoom.JoinAsync("bob");

        await bobsRoom.SendMessageAsync("bot: hello");
        await bobsRoom.SendPrivateMessageAsync("bot", "psst");

        Assert.Equal("bob: hello", await lines.Task.WaitAsync(Wait));
        Assert.Equal("You said: psst", await privately.Task.WaitAsync(Wait));
        Assert.Equal(MucAffiliation.Owner, room.Self?.Affiliation);
        Assert.Contains("bob", room.Occupants.Keys);
        await bobsRoom.LeaveAsync();
        await room.DestroyAsync("done");
    }
}
