namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucExtension
{
    /// <summary>1 while the self-ping loop runs (one per client, only while a room is joined).</summary>
    private int _pinging;

    /// <summary>A room was joined: make sure the self-ping loop runs.</summary>
    internal void OnJoined(MucRoom room)
    {
        if (SelfPingInterval != Timeout.InfiniteTimeSpan && Interlocked.CompareExchange(ref _pinging, 1, 0) == 0)
        {
            Context.RunInBackground(SelfPingAsync);
        }
    }

    /// <summary>Something suggests the room dropped the client: self-ping it now, in the background.</summary>
    internal void CheckSoon(MucRoom room) => Context.RunInBackground(token => PingAsync(room, token));

    private async Task SelfPingAsync(CancellationToken token)
    {
        var period = SelfPingInterval / 2;
        while (true)
        {
            await Task.Delay(period, Context.TimeProvider, token).ConfigureAwait(false);
            var joined = _rooms.Values.Where(room => room.IsJoined).ToList();
            if (joined.Count == 0)
            {
                Volatile.Write(ref _pinging, 0);
                if (!_rooms.Values.Any(room => room.IsJoined) || Interlocked.CompareExchange(ref _pinging, 1, 0) != 0)
                {
                    return; // No room joined (a join from now on starts the loop again), or another loop took over.
                }

                continue;
            }

            if (Client.State != XmppClientState.Connected)
            {
                continue;
            }

            foreach (var room in joined)
            {
                if (Context.TimeProvider.GetElapsedTime(room.LastActivity) >= SelfPingInterval)
                {
                    await PingAsync(room, token).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task PingAsync(MucRoom room, CancellationToken token)
    {
        try
        {
            await room.CheckJoinedAsync(token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException or XmppConnectionLostException or InvalidOperationException)
        {
            MucLog.SelfPingUnanswered(Context.Logger, room.Jid.ToString(), error);
        }
    }
}
