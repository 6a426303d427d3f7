using System.Collections.Immutable;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Pep;

/// <summary>Interest in nodes (<c>+notify</c>) and the notifications that follow from it.</summary>
public sealed partial class PepExtension
{
    private readonly object _interestGate = new();
    private readonly Dictionary<string, Interest> _interests = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, Func<PepNotificationEventArgs, Task>> _handlers = ImmutableDictionary.Create<string, Func<PepNotificationEventArgs, Task>>(StringComparer.Ordinal);

    /// <summary>
    /// Raised for each PEP notification received (from an account's bare JID, or without 'from' for the own account),
    /// whatever the node, in stream order on the client's event task, after the handlers given to
    /// <see cref="Subscribe"/>. A handler that throws is logged and does not affect the client;
    /// <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the next event waits for the handlers.
    /// A server may deliver one publication twice (ejabberd 23.01 sends the account's own to its bare and to its full
    /// JID), and some send no retractions at all (ejabberd 23.01, to resources that only announced <c>+notify</c>).
    /// </summary>
    public event Func<PepNotificationEventArgs, Task>? NotificationReceived;

    /// <summary>
    /// Says this client wants the notifications of <paramref name="node"/> (XEP-0163 §4.3): announces
    /// <c>node+notify</c> in disco#info and the entity capabilities (the broadcast presence is sent again with them, if
    /// one was sent), and hands each notification for that node to <paramref name="handler"/> (raised like
    /// <see cref="NotificationReceived"/>, before it). The server then sends the node's notifications from the account
    /// and from contacts with a presence subscription, and often the last item of each once this client is available.
    /// </summary>
    /// <remarks>May be called at any time, also from another extension's <c>Initialize</c>. The feature stays
    /// announced while any subscription to the node is left; a feature the application itself announced is not removed.</remarks>
    /// <param name="node">The node, such as <c>urn:xmpp:bookmarks:1</c>.</param>
    /// <param name="handler">Gets each notification for the node.</param>
    /// <returns>Dispose it to stop: the handler is removed, and the last one for the node stops announcing <c>+notify</c>.</returns>
    /// <exception cref="ArgumentException">The node is empty or contains <c>&lt;</c>.</exception>
    public IDisposable Subscribe(string node, Func<PepNotificationEventArgs, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(handler);
        if (node.Contains('<', StringComparison.Ordinal))
        {
            throw new ArgumentException("A node announced with +notify must not contain '<' (a separator of the capabilities hash).", nameof(node));
        }

        bool announce;
        lock (_interestGate)
        {
            announce = !_interests.TryGetValue(node, out var interest);
            _interests[node] = (interest ?? new Interest()) with { Count = (interest?.Count ?? 0) + 1 };
            _handlers = _handlers.SetItem(node, _handlers.TryGetValue(node, out var existing) ? existing + handler : handler);
        }

        if (announce)
        {
            var added = Context.Features.Add(node + "+notify");
            lock (_interestGate)
            {
                if (_interests.TryGetValue(node, out var interest))
                {
                    _interests[node] = interest with { Announced = added };
                }
            }
        }

        return new Subscription(this, node, handler);
    }

    /// <summary>The nodes this client asks notifications for (those of <see cref="Subscribe"/>), as a snapshot.</summary>
    public IReadOnlyCollection<string> InterestedNodes
    {
        get
        {
            lock (_interestGate)
            {
                return [.. _interests.Keys];
            }
        }
    }

    private void Unsubscribe(string node, Func<PepNotificationEventArgs, Task> handler)
    {
        bool withdraw = false;
        lock (_interestGate)
        {
            if (!_interests.TryGetValue(node, out var interest))
            {
                return;
            }

            if (_handlers.TryGetValue(node, out var existing))
            {
                var rest = existing - handler;
                _handlers = rest is null ? _handlers.Remove(node) : _handlers.SetItem(node, rest);
            }

            if (interest.Count > 1)
            {
                _interests[node] = interest with { Count = interest.Count - 1 };
            }
            else
            {
                _interests.Remove(node);
                withdraw = interest.Announced;
            }
        }

        if (withdraw)
        {
            Context.Features.Remove(node + "+notify");
        }
    }

    /// <summary>Reads a pubsub event and raises it, when it comes from an account (a bare JID, or the own one).</summary>
    private async ValueTask<bool> OnEventAsync(Message message, CancellationToken cancellationToken)
    {
        Jid publisher;
        if (Context.IsFromAccount(message))
        {
            publisher = (Client.BoundJid ?? Client.Options.Jid).Bare;
        }
        else if (message.From is { IsBare: true, Local: not null } from)
        {
            publisher = from;
        }
        else
        {
            PepLog.ForeignEvent(Context.Logger, message.From?.ToString() ?? "an invalid JID");
            return false;
        }

        var notification = Read(message, publisher);
        if (notification is null)
        {
            return false;
        }

        PepLog.Notification(Context.Logger, publisher.ToString(), notification.Node, notification.Published.Count, notification.Retracted.Count);
        if (Volatile.Read(ref _handlers).TryGetValue(notification.Node, out var handlers))
        {
            await Context.RaiseAsync(handlers, notification, nameof(Subscribe)).ConfigureAwait(false);
        }

        await Context.RaiseAsync(NotificationReceived, notification, nameof(NotificationReceived)).ConfigureAwait(false);
        return false;
    }

    private PepNotificationEventArgs? Read(Message message, Jid publisher)
    {
        var payload = message.GetPayload(PepXml.EventName)!;
        foreach (var child in payload.Elements())
        {
            var node = (string?)child.Attribute("node");
            if (child.Name.Namespace != PepXml.EventNs || child.Name.LocalName is not ("items" or "purge" or "delete"))
            {
                continue;
            }

            if (string.IsNullOrEmpty(node))
            {
                PepLog.EventWithoutNode(Context.Logger, publisher.ToString());
                return null;
            }

            var published = new List<PepItem>();
            var retracted = new List<string>();
            foreach (var entry in child.Elements())
            {
                if (published.Count + retracted.Count == PepXml.MaxNotificationItems)
                {
                    PepLog.TooManyItems(Context.Logger, publisher.ToString(), node, PepXml.MaxNotificationItems);
                    break;
                }

                if (entry.Name == PepXml.EventNs + "item")
                {
                    published.Add(PepXml.ReadItem(entry));
                }
                else if (entry.Name == PepXml.EventNs + "retract" && (string?)entry.Attribute("id") is { Length: > 0 } id)
                {
                    retracted.Add(id);
                }
            }

            return new PepNotificationEventArgs(publisher, node, published, retracted,
                purged: child.Name.LocalName == "purge", deleted: child.Name.LocalName == "delete", message);
        }

        return null;
    }

    private sealed record Interest(int Count = 0, bool Announced = false);

    private sealed class Subscription(PepExtension owner, string node, Func<PepNotificationEventArgs, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(node, handler);
            }
        }
    }
}
