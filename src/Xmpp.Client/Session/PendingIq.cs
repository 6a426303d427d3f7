using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Session;

/// <summary>One IQ request waiting for its answer.</summary>
internal sealed class PendingIq
{
    // Continuations run on the thread pool, never inline on the read loop (a slow awaiter must not stall it).
    private readonly TaskCompletionSource<Iq> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Jid _account;

    public PendingIq(string id, Jid? to, Jid account)
    {
        Id = id;
        To = to;
        _account = account;
    }

    public string Id { get; }

    /// <summary>The entity asked; <see langword="null"/> for the account's own server acting for the account.</summary>
    public Jid? To { get; }

    public Task<Iq> Reply => _reply.Task;

    /// <summary>
    /// Whether a reply from <paramref name="from"/> may answer this request. A request without 'to', or to the
    /// account's bare JID, is answered by the server for the account: no 'from', the bare or full JID of the account,
    /// or (without 'to') its domain. A request to the server's domain is answered by the domain (or without 'from').
    /// Any other request must be answered by exactly the JID asked.
    /// </summary>
    public bool IsExpectedResponder(Jid? from)
    {
        var bare = _account.Bare;
        var domain = new Jid(null, _account.Domain);
        if (To is not { } to)
        {
            return from is not { } f || f == bare || f == _account || f == domain;
        }

        if (to == bare)
        {
            return from is not { } f || f == bare || f == _account;
        }

        if (to == domain)
        {
            return from is not { } f || f == domain;
        }

        return from is { } sender && sender == to;
    }

    public void Complete(Iq reply) => _reply.TrySetResult(reply);

    public void Fail(Exception error) => _reply.TrySetException(error);

    public void Cancel(CancellationToken cancellationToken) => _reply.TrySetCanceled(cancellationToken);
}
