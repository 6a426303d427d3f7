using System.Runtime.CompilerServices;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Mam;

/// <summary>Catching up from the account's archive after a reconnection, each message once.</summary>
public sealed partial class MamExtension
{
    private readonly RecentIds _seen = new(MaxRememberedIds);
    private readonly RecentIds _recovered = new(MaxRememberedIds);
    private volatile string? _lastArchiveId;

    /// <summary>
    /// After a reconnection that could not resume the session (so messages sent meanwhile were not delivered), read
    /// what the account's archive holds after <see cref="LastArchiveId"/> in the background and raise
    /// <see cref="MessageRecovered"/> for each message not seen live, then <see cref="CaughtUp"/>. Off by default. Nothing
    /// happens while <see cref="LastArchiveId"/> is <see langword="null"/> (no archived message was seen yet).
    /// </summary>
    public bool CatchUpAfterReconnection { get; init; }

    /// <summary>
    /// The archive id of the newest message known from the account's archive: the XEP-0359 stanza-id the account's
    /// server put on the last live message (see <see cref="StanzaIds.StanzaIdsExtension.GetStanzaId"/>), or the last
    /// message a catch-up recovered. <see langword="null"/> until one was seen. Store it to catch up in a later process
    /// with <see cref="CatchUpAsync"/>.
    /// </summary>
    public string? LastArchiveId => _lastArchiveId;

    /// <summary>
    /// Raised for each message <see cref="CatchUpAfterReconnection"/> recovers, oldest first, on the client's event
    /// rules (a handler that throws is logged). Never raised for a message already delivered live
    /// (<see cref="XmppClient.MessageReceived"/>); and a live message that a catch-up already recovered is not raised
    /// again as <see cref="XmppClient.MessageReceived"/> (it is handled, and logged at debug level).
    /// </summary>
    public event Func<ArchivedMessageEventArgs, Task>? MessageRecovered;

    /// <summary>Raised when a catch-up after a reconnection ends, with how many messages it recovered (and the error, if it failed).</summary>
    public event Func<MamCaughtUpEventArgs, Task>? CaughtUp;

    /// <summary>
    /// Reads everything the account's archive holds after <paramref name="afterArchiveId"/>, oldest first, leaving out
    /// messages already delivered live in this client (by archive id; the last <see cref="MaxRememberedIds"/> ids are
    /// remembered). Each message yielded is remembered, so the same message arriving live afterwards is not raised as
    /// <see cref="XmppClient.MessageReceived"/> again, and <see cref="LastArchiveId"/> follows.
    /// </summary>
    /// <param name="afterArchiveId">The archive id of the last message the application has (for example a stored <see cref="LastArchiveId"/>).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The messages not seen yet.</returns>
    /// <exception cref="XmppIqErrorException">The archive refused (<c>item-not-found</c> when it no longer holds that id).</exception>
    /// <exception cref="XmppTimeoutException">The archive did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected, or this runs inside an event handler.</exception>
    public async IAsyncEnumerable<ArchivedMessage> CatchUpAsync(string afterArchiveId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(afterArchiveId);
        await foreach (var message in QueryAsync(new MamQuery { After = afterArchiveId }, cancellationToken).ConfigureAwait(false))
        {
            _lastArchiveId = message.Id;
            if (!_seen.Add(message.Id))
            {
                continue;
            }

            _recovered.Add(message.Id);
            yield return message;
        }
    }

    /// <summary>Notes the archive id of each live message; drops one a catch-up already delivered.</summary>
    private ValueTask<bool> OnLiveMessageAsync(Message message, CancellationToken cancellationToken)
    {
        if (_stanzaIds!.GetStanzaId(message) is not { } id)
        {
            return new(false);
        }

        if (_recovered.Contains(id))
        {
            MamLog.DuplicateLive(Context.Logger, id);
            return new(true);
        }

        _seen.Add(id);
        _lastArchiveId = id;
        return new(false);
    }

    private Task OnSessionStartedAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        if (CatchUpAfterReconnection && session.IsReconnection && !session.IsResumed && _lastArchiveId is { } after)
        {
            Context.RunInBackground(token => RunCatchUpAsync(after, token));
        }

        return Task.CompletedTask;
    }

    private async Task RunCatchUpAsync(string after, CancellationToken cancellationToken)
    {
        MamLog.CatchingUp(Context.Logger, after);
        var count = 0;
        Exception? failure = null;
        try
        {
            await foreach (var message in CatchUpAsync(after, cancellationToken).ConfigureAwait(false))
            {
                count++;
                await Context.RaiseAsync(MessageRecovered, new ArchivedMessageEventArgs(message), nameof(MessageRecovered)).ConfigureAwait(false);
            }

            MamLog.CaughtUp(Context.Logger, count);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = error;
            MamLog.CatchUpFailed(Context.Logger, count, error);
        }

        await Context.RaiseAsync(CaughtUp, new MamCaughtUpEventArgs(after, count, failure), nameof(CaughtUp)).ConfigureAwait(false);
    }
}
