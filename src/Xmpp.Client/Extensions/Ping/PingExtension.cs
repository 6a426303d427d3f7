using System.Diagnostics;
using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Ping;

/// <summary>
/// Pings (XEP-0199): asks an entity to answer, and measures how long it takes. Pings sent to this client are answered
/// by the client itself (<see cref="XmppClientOptions.AnswerPings"/>), with or without this extension.
/// </summary>
/// <remarks>Reach it through <see cref="XmppClient.Ping"/>. Thread-safe.</remarks>
public sealed class PingExtension : XmppExtension
{
    /// <summary>The ping payload's name.</summary>
    public static XName ElementName { get; } = XName.Get("ping", "urn:xmpp:ping");

    /// <summary>Pings an entity and measures how long the answer takes.</summary>
    /// <param name="to">The entity; <see langword="null"/> pings the account's server.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The round-trip time.</returns>
    /// <exception cref="XmppIqErrorException">The entity (or the server on its behalf) answered with an error, such
    /// as <c>service-unavailable</c> when a full JID is offline or does not support ping.</exception>
    /// <exception cref="XmppTimeoutException">No answer within <see cref="XmppClientOptions.IqTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<TimeSpan> SendAsync(Jid? to = null, CancellationToken cancellationToken = default)
    {
        var server = Client.BoundJid is { } bound ? new Jid(null, bound.Domain) : (Jid?)null;
        var ping = new Iq(IqType.Get, new XElement(ElementName))
        {
            To = to ?? server ?? throw new InvalidOperationException("The client is not connected; call ConnectAsync first."),
        };
        var started = Stopwatch.GetTimestamp();
        await Client.SendIqAsync(ping, cancellationToken).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
    }
}
