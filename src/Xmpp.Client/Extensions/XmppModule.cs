using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions;

/// <summary>
/// The base of the client's protocol extensions (roster, service discovery, receipts …). Each is switched on or off
/// with <see cref="XmppClientOptions.Modules"/> and reached through a property of <see cref="XmppClient"/>.
/// </summary>
/// <remarks>
/// Modules use the same surface as applications (sending, IQ requests and handlers) plus four hooks, all called in
/// stream order: each received stanza before the public events, each stanza about to be sent, a new (not resumed)
/// session, and the start of each session.
/// </remarks>
public abstract class XmppModule
{
    private protected XmppModule(XmppClient client)
    {
        Client = client;
    }

    /// <summary>The client the module belongs to.</summary>
    private protected XmppClient Client { get; }

    /// <summary>The service discovery features (XEP-0030) the module implements, announced in disco#info and caps.</summary>
    internal virtual IEnumerable<string> Features => [];

    /// <summary>
    /// Sees each received stanza on the client's event task before the public events. Returns
    /// <see langword="true"/> when the module consumed it (no public event is raised).
    /// </summary>
    internal virtual ValueTask<bool> OnReceivedAsync(Stanza stanza) => new(false);

    /// <summary>
    /// Sees each stanza about to be sent (on the sender's thread), and may add payloads to it: it is the client's own
    /// copy, never the caller's object, and its <see cref="Stanza.Id"/> is already set.
    /// </summary>
    internal virtual void OnSending(Stanza stanza)
    {
    }

    /// <summary>
    /// Runs on the event task when a session starts that is not the resumption of the previous one: after every
    /// stanza the previous session received, before the first of the new one. What the module learned from the server
    /// during the previous session (who was available, what was pushed) may be out of date.
    /// </summary>
    internal virtual void OnNewSession()
    {
    }

    /// <summary>Runs after a session is bound, before <see cref="XmppClient.ConnectAsync"/> returns.</summary>
    internal virtual Task OnSessionStartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
