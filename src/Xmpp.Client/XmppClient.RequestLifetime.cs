namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private CancellationTokenSource _requests = new();

    /// <summary>
    /// Cancelled when the session requests arrive on is over: the client disconnects or is disposed, or a reconnection
    /// could not resume it (a new session starts). A resumed session is the same session. Given to IQ handlers.
    /// </summary>
    internal CancellationToken RequestLifetime => Volatile.Read(ref _requests).Token;

    /// <summary>A new session (not a resumption) starts: requests of the previous one are no longer answered.</summary>
    private void RenewRequestLifetime() => EndRequestLifetime(new CancellationTokenSource());

    /// <summary>
    /// Ends the current session's requests; <paramref name="next"/> takes over (a new session), or, when it is
    /// <see langword="null"/>, a fresh one is left for the next connection.
    /// </summary>
    private void EndRequestLifetime(CancellationTokenSource? next = null)
    {
        var ended = Interlocked.Exchange(ref _requests, next ?? new CancellationTokenSource());
        ended.Cancel(); // not disposed: a handler may still be registering on its token
    }
}
