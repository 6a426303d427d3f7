using Xmpp.Client.Extensions.Muc;

namespace Xmpp.Client.Samples;

/// <summary>
/// How RoomBot answers in its room, apart from the command line, joining and leaving: Program.cs attaches it to the
/// room it joins, and the tests (tests/Xmpp.Client.Samples.Tests) to a room on an in-memory server.
/// </summary>
public static class RoomAnswers
{
    /// <summary>
    /// Answers groupchat lines addressed to the bot ("&lt;nick&gt;: text" or "&lt;nick&gt;, text") with
    /// "&lt;sender&gt;: text", and echoes private messages back.
    /// </summary>
    public static void Attach(MucRoom room)
    {
        room.MessageReceived += async e =>
        {
            // Not the history sent on joining, not the room's echo of our own lines, not the room's own notices.
            if (e.IsHistory || e.IsOwn || e.Nick is null || e.Body is not { } body || room.Nick is not { } me)
            {
                return;
            }

            if (Answer(me, e.Nick, body) is { } answer)
            {
                await room.SendMessageAsync(answer);
            }
        };

        room.PrivateMessageReceived += async e =>
        {
            if (e.Body is { } body)
            {
                await room.SendPrivateMessageAsync(e.Nick, body);
            }
        };
    }

    /// <summary>
    /// The answer of the bot called <paramref name="me"/> to the line <paramref name="body"/> of
    /// <paramref name="sender"/>; null when the line is not addressed to the bot.
    /// </summary>
    public static string? Answer(string me, string sender, string body) =>
        body.StartsWith($"{me}: ", StringComparison.Ordinal) || body.StartsWith($"{me}, ", StringComparison.Ordinal)
            ? $"{sender}: {body[(me.Length + 2)..]}"
            : null;
}
