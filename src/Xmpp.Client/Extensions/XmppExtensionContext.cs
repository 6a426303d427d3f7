using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Internal;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Extensions;

/// <summary>
/// An extension's view of its client: what it registers while it initialises (routes for received stanzas, IQ
/// handlers, outgoing decorators, lifecycle callbacks, disco features and identities) and what it uses afterwards
/// (its logger, sending, raising its own events). One per extension and client; given to
/// <see cref="XmppExtension.Initialize"/>.
/// </summary>
/// <remarks>
/// The <c>On…</c>, <c>Handle…</c>, <c>Decorate…</c>, <c>Watch…</c> and <c>Add…</c> methods may be called only from
/// <see cref="XmppExtension.Initialize"/> (the routing table is fixed once the client is created, so it is read
/// without locks); the other members may be used at any time, from any thread.
/// </remarks>
public sealed partial class XmppExtensionContext
{
    private readonly ExtensionHost _host;
    private bool _initializing = true;

    internal XmppExtensionContext(XmppClient client, ExtensionHost host, XmppExtension extension, ILoggerFactory loggerFactory)
    {
        Client = client;
        _host = host;
        Extension = extension;
        Logger = loggerFactory.CreateLogger(extension.GetType().FullName ?? extension.GetType().Name);
    }

    /// <summary>The client.</summary>
    public XmppClient Client { get; }

    /// <summary>The extension's own logger, in the category of its type's full name.</summary>
    public ILogger Logger { get; }

    /// <summary>
    /// The client's clock: timers and delays of an extension go through it (<c>Task.Delay(delay, TimeProvider, token)</c>,
    /// <see cref="TimeProvider.CreateTimer"/>), so tests can run them on a fake clock.
    /// </summary>
    public TimeProvider TimeProvider => Client.Time;

    /// <summary>
    /// Runs work in the background, off the event task (so it may wait for stanzas, which the event task delivers):
    /// a retry loop, a periodic check. Its token is cancelled when the client is disposed, which waits for the work to
    /// end; an exception it throws (other than that cancellation) is logged. Started after disposal, it does not run.
    /// </summary>
    /// <param name="work">The work; it should end soon after its token is cancelled.</param>
    public void RunInBackground(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _host.Background.Run(work, Logger);
    }

    /// <summary>
    /// Whether the caller runs within the processing of one of the client's events (a route, an IQ handler, a
    /// lifecycle callback, an event handler). With <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> at 1,
    /// such code runs on the event task itself, so it must not wait for a stanza that has yet to arrive: the event
    /// task would deliver it only after the caller is done. An operation that waits for one can refuse then, with a
    /// clear message, instead of waiting for its timeout. (IQ results do not go through the event task: waiting for
    /// them is always fine.)
    /// </summary>
    public bool InEventCallback => Client.InEventCallback;

    /// <summary>The identities and features this client announces (shared by all its extensions).</summary>
    public AnnouncedFeatures Features => _host.Features;

    /// <summary>The extension this context belongs to.</summary>
    internal XmppExtension Extension { get; }

    /// <summary>
    /// The instance of another extension this one depends on: initialised before this one (so its routes run first),
    /// and created with its parameterless constructor when it is not registered (or was removed).
    /// </summary>
    /// <typeparam name="T">The extension needed.</typeparam>
    /// <returns>The client's instance of it.</returns>
    /// <exception cref="InvalidOperationException">The extensions require each other in a cycle.</exception>
    public T Require<T>()
        where T : XmppExtension, new()
    {
        CheckInitializing();
        return _host.Require<T>(this);
    }

    /// <summary>Announces a feature (XEP-0030), such as the namespace of an IQ the extension answers, for the client's lifetime.</summary>
    /// <param name="feature">The feature's name, usually a namespace.</param>
    /// <exception cref="ArgumentException">The name is empty or contains <c>&lt;</c>.</exception>
    public void AddFeature(string feature)
    {
        CheckInitializing();
        _host.Features.AddFixed(feature);
    }

    /// <summary>Announces an identity (XEP-0030 §3.1) besides the client's own <c>client</c> identity, such as a gateway's.</summary>
    /// <param name="identity">The identity.</param>
    /// <exception cref="ArgumentException">A part contains <c>&lt;</c>.</exception>
    public void AddIdentity(DiscoIdentity identity)
    {
        CheckInitializing();
        _host.Features.AddIdentity(identity);
    }

    /// <summary>
    /// Raises one of the extension's events the way the client raises its own: on the event task, awaited in place or,
    /// when <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> allows, left running once the handlers await; a
    /// handler that throws is logged and never affects the session. Call it from a route or IQ handler, so the event
    /// keeps the stream's order.
    /// </summary>
    /// <typeparam name="TArgs">The event's argument.</typeparam>
    /// <param name="handlers">The event's delegate (may be <see langword="null"/>: nothing happens).</param>
    /// <param name="args">The argument.</param>
    /// <param name="eventName">The event's name, for the log of a failing handler.</param>
    /// <returns>Completes when the handlers are done, or are left running.</returns>
    public ValueTask RaiseAsync<TArgs>(Func<TArgs, Task>? handlers, TArgs args, string eventName)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return Client.RaiseAsync(handlers, args, eventName);
    }

    /// <summary>
    /// Sends a stanza the extension built, handing it over: unlike <see cref="XmppClient.SendAsync(Stanza, CancellationToken)"/>
    /// no copy is made, so the extension must not change or send the object again. It gets an id if it has none, and
    /// decorators and watchers see it like any other.
    /// </summary>
    /// <param name="stanza">The stanza, not to be touched afterwards.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>The stanza's id.</returns>
    /// <exception cref="InvalidOperationException">The client is not connected (nor reconnecting).</exception>
    /// <exception cref="XmppConnectionLostException">The connection broke while sending.</exception>
    public ValueTask<string> SendAsync(Stanza stanza, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        var sending = Client.SendOwnAsync(stanza, decorate: true, cancellationToken);
        return sending.IsCompletedSuccessfully ? new(stanza.Id!) : SentAsync(sending, stanza);
    }

    /// <summary>
    /// Sends a top-level element that is not a stanza, a "nonza" (such as client state indication's
    /// <c>&lt;active xmlns='urn:xmpp:csi:0'/&gt;</c>, XEP-0352), on the current session, whole and in order with the
    /// stanzas sent. Unlike a stanza it is not decorated, not watched, not counted by stream management (XEP-0198),
    /// not resent after a resumption and not queued while reconnecting: send what a new session needs again from
    /// <see cref="OnSessionStarted"/>. Send only elements the server offered a stream feature for.
    /// </summary>
    /// <param name="element">The element (copied); its namespace must be its own, not <c>jabber:client</c>, the
    /// stream's, TLS, SASL, binding nor stream management, which the client itself handles.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>Completes when the element was written.</returns>
    /// <exception cref="ArgumentException">The element is in a namespace the client handles itself, or in none.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    /// <exception cref="XmppConnectionLostException">The client is reconnecting, or the connection broke while sending.</exception>
    public ValueTask SendNonzaAsync(XElement element, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Name.NamespaceName is "" or Namespaces.Client or Namespaces.Streams or Namespaces.Tls or Namespaces.Sasl
            or Namespaces.Bind or Namespaces.Session or Namespaces.StreamManagement)
        {
            throw new ArgumentException(
                $"<{element.Name.LocalName}/> in '{element.Name.NamespaceName}' is not a nonza an extension may send: give it the namespace of its own protocol.",
                nameof(element));
        }

        return Client.SendNonzaAsync(XmppElement.FromXElement(element), cancellationToken);
    }

    /// <summary>
    /// Sends the account's last broadcast available presence again, decorated afresh, when one was sent in this
    /// session: for an extension whose decoration of presence changed (a new avatar hash; service discovery does this
    /// itself when the features change).
    /// Without such a presence (or while not connected) nothing is sent; the next presence carries the change.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>Completes when the presence was handed to the writer.</returns>
    public ValueTask ResendPresenceAsync(CancellationToken cancellationToken = default) => Client.ReannouncePresenceAsync(cancellationToken);

    /// <summary>
    /// Whether the stanza comes from the account itself: it has no 'from', or its 'from' is the account's bare JID.
    /// Only such a sender may push the server-kept lists of the account (the roster, RFC 6121 §2.1.6; the block list,
    /// XEP-0191) or send it carbons (XEP-0280); a full JID, even of another of the account's resources, is not the account.
    /// </summary>
    /// <param name="stanza">A received stanza.</param>
    public bool IsFromAccount(Stanza stanza)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        var from = stanza.Element.GetAttribute("from");
        if (from is null)
        {
            return true; // The raw attribute: a malformed 'from' must not pass for "no from" (such stanzas are dropped anyway).
        }

        var account = (Client.BoundJid ?? Client.Options.Jid).Bare;
        return Jid.TryParse(from, out var sender) && sender.IsBare && sender == account;
    }

    private static async ValueTask<string> SentAsync(ValueTask sending, Stanza stanza)
    {
        await sending.ConfigureAwait(false);
        return stanza.Id!;
    }

    /// <summary>Ends the initialisation: registering now throws.</summary>
    internal void Seal() => _initializing = false;

    private void CheckInitializing()
    {
        if (!_initializing)
        {
            throw new InvalidOperationException(
                $"{Extension.GetType().Name} registers routes, handlers and features in Initialize only; the client's table is fixed once it is created.");
        }
    }
}
