using System.Collections.Concurrent;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Session;

/// <summary>
/// Pending IQ requests by id. A request is registered before it is sent; a reply completes it only when it comes
/// from the entity the request was addressed to (RFC 6120 §8.1.2.1 for requests to the account or its server).
/// </summary>
internal sealed class IqTracker
{
    private readonly ConcurrentDictionary<string, PendingIq> _pending = new(StringComparer.Ordinal);

    public int Count => _pending.Count;

    /// <summary>Registers a request; the task completes with the reply.</summary>
    /// <exception cref="InvalidOperationException">A request with the same id is already pending.</exception>
    public PendingIq Register(string id, Jid? to, Jid account)
    {
        var pending = new PendingIq(id, to, account);
        if (!_pending.TryAdd(id, pending))
        {
            throw new InvalidOperationException($"An IQ request with id '{id}' is already waiting for its answer; ids must be unique.");
        }

        return pending;
    }

    /// <summary>Forgets a request (answered, timed out or cancelled).</summary>
    public void Remove(PendingIq pending) => _pending.TryRemove(new KeyValuePair<string, PendingIq>(pending.Id, pending));

    /// <summary>Completes the request this reply answers. <see langword="false"/> when no request has its id, or the
    /// reply comes from someone other than the entity asked (then the request keeps waiting).</summary>
    public bool TryComplete(Iq reply, out PendingIq? spoofed)
    {
        spoofed = null;
        if (reply.Id is not { } id || !_pending.TryGetValue(id, out var pending))
        {
            return false;
        }

        if (!pending.IsExpectedResponder(reply.From))
        {
            spoofed = pending;
            return false;
        }

        if (_pending.TryRemove(new KeyValuePair<string, PendingIq>(id, pending)))
        {
            pending.Complete(reply);
        }

        return true;
    }

    /// <summary>
    /// Fails the request an answer that could not be read would have completed (it was skipped for breaking a
    /// limit), if the answer's id and sender match it. <see langword="false"/> otherwise.
    /// </summary>
    public bool TryFail(string id, Jid? from, Exception error)
    {
        if (!_pending.TryGetValue(id, out var pending) || !pending.IsExpectedResponder(from))
        {
            return false;
        }

        if (_pending.TryRemove(new KeyValuePair<string, PendingIq>(id, pending)))
        {
            pending.Fail(error);
        }

        return true;
    }

    /// <summary>Fails every pending request (the connection is gone), except those <paramref name="keep"/> names.</summary>
    public void FailAll(Exception error, Func<string, bool>? keep = null)
    {
        foreach (var pair in _pending)
        {
            if (keep?.Invoke(pair.Key) != true && _pending.TryRemove(pair))
            {
                pair.Value.Fail(error);
            }
        }
    }
}
