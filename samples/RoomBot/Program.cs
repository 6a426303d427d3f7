// RoomBot: joins a multi-user chat room (creating it as an instant room when it does not exist), prints
// `Joined <room> as <nick>` each time it is in (again after a rejoin), answers groupchat lines addressed to it
// ("<nick>: text" or "<nick>, text") with "<sender>: text", echoes private messages back, and leaves the room
// cleanly on Ctrl+C or SIGTERM. The library rejoins by itself after a reconnection or a service restart; when the room
// refuses the bot or removes it for good (kicked, banned, destroyed), it says why on stderr and exits 1.
using System.Runtime.InteropServices;
using Xmpp.Client;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Samples;

var roomOption = SampleCommandLine.Value("--room", "room-jid", "the room's bare JID, such as lobby@conference.example.com");
var nickOption = SampleCommandLine.Value("--nick", "nick", "the bot's nickname in the room");
var commandLine = new SampleCommandLine("RoomBot --jid <jid> --room <room-jid> --nick <nick> [options]",
    "joins a room and answers the lines addressed to it", roomOption, nickOption);
if (!commandLine.TryParse(args, out var exitCode))
{
    return exitCode;
}

if (!Jid.TryParse(commandLine.GetValue(roomOption), out var roomJid) || !roomJid.IsBare || roomJid.Local is null)
{
    return commandLine.Fail("--room <room-jid> is required and must be a room's bare JID (room@service).");
}

// A nickname is the resource of the occupant's JID (room@service/nick): the same rules apply.
if (commandLine.GetValue(nickOption) is not { } nick || !Jid.TryParse($"{roomJid}/{nick}", out var occupant) || occupant.Resource != nick)
{
    return commandLine.Fail("--nick <nick> is required and must be a valid nickname.");
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

using var loggerFactory = commandLine.CreateLoggerFactory();
await using var client = new XmppClient(commandLine.Options, loggerFactory);
var room = client.Muc.GetRoom(roomJid); // subscribe before joining, so nothing is missed
var gone = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

room.Joined += e =>
{
    Console.WriteLine($"Joined {e.Room.Jid} as {e.Nick}"); // after JoinAsync and after each automatic rejoin
    return Task.CompletedTask;
};

RoomAnswers.Attach(room); // RoomAnswers.cs: the answers to lines addressed to the bot, and to private messages

room.Left += e =>
{
    if (!e.WillRejoin && !stop.IsCancellationRequested)
    {
        gone.TrySetResult($"out of {e.Room.Jid}: {e.Reason}{(e.Text is { } text ? $" ({text})" : "")}");
    }

    return Task.CompletedTask;
};

room.RejoinFailed += e =>
{
    Console.Error.WriteLine($"RoomBot could not rejoin {e.Room.Jid}: {e.Error.Message}{(e.WillRetry ? $" Trying again in {e.RetryIn!.Value.TotalSeconds:0} s." : "")}");
    if (!e.WillRetry)
    {
        gone.TrySetResult($"gave up rejoining {e.Room.Jid}");
    }

    return Task.CompletedTask;
};

client.StateChanged += change =>
{
    if (change.State == XmppClientState.Disconnected && !stop.IsCancellationRequested)
    {
        gone.TrySetResult($"lost the connection: {change.Error?.Message ?? "closed"}");
    }

    return Task.CompletedTask;
};

try
{
    await client.ConnectAsync(stop.Token);
    // Not from an event handler: the join waits for the room's answer, which the client's event task delivers.
    await room.JoinAsync(nick, new MucJoinOptions { History = MucHistory.None }, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}
catch (Exception failure) when (failure is XmppException or TimeoutException)
{
    Console.Error.WriteLine($"RoomBot could not join {roomJid}: {failure.Message}");
    return 1;
}

var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var onStop = stop.Token.Register(() => stopped.TrySetResult());
if (await Task.WhenAny(gone.Task, stopped.Task) == gone.Task)
{
    Console.Error.WriteLine($"RoomBot stopped: {gone.Task.Result}");
    return 1;
}

await room.LeaveAsync("Bye", CancellationToken.None);
await client.DisconnectAsync(CancellationToken.None);
Console.WriteLine("Bye");
return 0;
