using Xmpp.Client.Internal;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

internal sealed partial class XmppSession
{
    private int _keepAliveWriting;

    /// <summary>
    /// The session's timers, checked a few times per shortest interval: a whitespace keepalive after
    /// <see cref="XmppClientOptions.KeepAliveInterval"/> without writing, an acknowledgement request when a stanza has
    /// waited <see cref="XmppClientOptions.AckRequestInterval"/>, and a ping after <see cref="XmppClientOptions.PingInterval"/>
    /// without receiving; when <see cref="XmppClientOptions.PingTimeout"/> passes after that with still nothing
    /// received, the connection is dropped.
    /// </summary>
    private async Task TimersAsync()
    {
        var options = _settings.Options;
        var keepAlive = Milliseconds(options.KeepAliveInterval);
        var ackInterval = Writer.Tracking ? Milliseconds(options.AckRequestInterval) : long.MaxValue;
        var ping = Milliseconds(options.PingInterval);
        var deadAfter = ping == long.MaxValue ? long.MaxValue : ping + Milliseconds(options.PingTimeout);
        var tick = Math.Min(Math.Min(keepAlive, ackInterval), Math.Min(ping, Milliseconds(options.PingTimeout)));
        if (tick == long.MaxValue)
        {
            return;
        }

        var period = TimeSpan.FromMilliseconds(Math.Clamp(tick / 4, 20, 5_000));
        long pingMark = -1; // How many elements had arrived when the last ping went out.
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token).ConfigureAwait(false))
            {
                var now = Environment.TickCount64;
                var silent = now - Volatile.Read(ref _lastReceived);
                if (silent >= deadAfter)
                {
                    SessionLog.PeerDead(_logger, silent / 1000.0);
                    Abort(new XmppConnectionLostException(
                        $"The server sent nothing for {silent / 1000.0:0.#} s and did not answer a ping; the connection was dropped."));
                    return;
                }

                var received = Volatile.Read(ref _receivedElements);
                if (silent >= ping && received != pingMark)
                {
                    pingMark = received;
                    StartKeepAlive(PingAsync);
                }
                else if (Writer.Tracking && now - Writer.LastAckRequest >= ackInterval && _settings.Outbound.Written > 0)
                {
                    StartKeepAlive(() => Writer.RequestAckAsync(_lifetime.Token).AsTask());
                }
                else if (now - Writer.LastWrite >= keepAlive)
                {
                    StartKeepAlive(() => Writer.WriteWhitespaceAsync(_lifetime.Token).AsTask());
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }

    /// <summary>Pings the server (XEP-0199). The answer is not awaited: any data received proves the server alive.</summary>
    private async Task PingAsync()
    {
        var ping = new XmppElement("iq", Namespaces.Client)
            .SetAttribute("type", "get")
            .SetAttribute("id", "keepalive-" + StanzaIds.New())
            .SetAttribute("to", BoundJid.Domain)
            .Add(new XmppElement("ping", Namespaces.Ping));
        if (!Writer.Tracking)
        {
            await Writer.WriteStanzaAsync(ping, _lifetime.Token).ConfigureAwait(false);
            return;
        }

        // Counted by the server like any stanza, so it takes a place in the queue like any stanza.
        await _settings.Outbound.AcquireAsync(_lifetime.Token).ConfigureAwait(false);
        if (await Writer.WriteStanzaAsync(ping, _lifetime.Token).ConfigureAwait(false) == WriteOutcome.NotWritten)
        {
            _settings.Outbound.Release();
        }
    }

    /// <summary>Runs one keepalive write at a time, off the timer loop (a write stuck on a dead connection must not
    /// stop the loop from noticing that the connection is dead).</summary>
    private void StartKeepAlive(Func<Task> write)
    {
        if (Interlocked.Exchange(ref _keepAliveWriting, 1) != 0)
        {
            return;
        }

        _ = RunAsync();

        async Task RunAsync()
        {
            try
            {
                await write().ConfigureAwait(false);
            }
            catch (Exception error) when (error is XmppConnectionLostException or OperationCanceledException or ObjectDisposedException)
            {
                SessionLog.KeepAliveFailed(_logger, error);
            }
            finally
            {
                Volatile.Write(ref _keepAliveWriting, 0);
            }
        }
    }

    private static long Milliseconds(TimeSpan value) =>
        value == Timeout.InfiniteTimeSpan || value <= TimeSpan.Zero ? long.MaxValue : (long)value.TotalMilliseconds;
}
