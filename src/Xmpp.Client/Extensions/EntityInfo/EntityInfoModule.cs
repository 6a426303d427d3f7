using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Xmpp.Client.Internal;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.EntityInfo;

/// <summary>
/// Small questions any entity answers: ping (XEP-0199), software version (XEP-0092) and entity time (XEP-0202).
/// Answers them for this client too: software version from <see cref="XmppClientOptions.SoftwareName"/> and
/// <see cref="XmppClientOptions.SoftwareVersion"/> (the operating system only with
/// <see cref="XmppClientOptions.AnnounceOperatingSystem"/>), time as UTC plus the local offset. Pings are answered
/// by the client itself (<see cref="XmppClientOptions.AnswerPings"/>).
/// </summary>
/// <remarks>Reach it through <see cref="XmppClient.Info"/>. Thread-safe.</remarks>
public sealed class EntityInfoModule : XmppModule
{
    private const string PingNamespace = Namespaces.Ping;

    internal EntityInfoModule(XmppClient client)
        : base(client)
    {
        client.RegisterModuleIqHandler("query", SoftwareVersionInfo.Namespace, AnswerVersionAsync);
        client.RegisterModuleIqHandler("time", EntityTime.Namespace, AnswerTimeAsync);
    }

    internal override IEnumerable<string> Features =>
        Client.Options.AnswerPings
            ? [SoftwareVersionInfo.Namespace, EntityTime.Namespace, PingNamespace]
            : [SoftwareVersionInfo.Namespace, EntityTime.Namespace];

    /// <summary>Pings an entity (XEP-0199) and measures how long the answer takes.</summary>
    /// <param name="to">The entity; <see langword="null"/> pings the account's server.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The round-trip time.</returns>
    /// <exception cref="XmppIqErrorException">The entity (or the server on its behalf) answered with an error, such
    /// as <c>service-unavailable</c> when a full JID is offline or does not support ping.</exception>
    /// <exception cref="XmppTimeoutException">No answer within <see cref="XmppClientOptions.IqTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<TimeSpan> PingAsync(Jid? to = null, CancellationToken cancellationToken = default)
    {
        var server = Client.BoundJid is { } bound ? new Jid(null, bound.Domain) : (Jid?)null;
        var ping = Request(new XElement(XName.Get("ping", PingNamespace)), to ?? server
            ?? throw new InvalidOperationException("The client is not connected; call ConnectAsync first."));
        var started = Stopwatch.GetTimestamp();
        await Client.SendIqAsync(ping, cancellationToken).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Asks an entity which software it runs (XEP-0092).</summary>
    /// <param name="jid">The entity: a server's domain or a client's full JID.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Name, version and, if the entity tells, operating system.</returns>
    /// <exception cref="XmppIqErrorException">The entity answered with an error.</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no <c>jabber:iq:version</c> payload.</exception>
    public async Task<SoftwareVersionInfo> GetSoftwareVersionAsync(Jid jid, CancellationToken cancellationToken = default)
    {
        var reply = await Client.SendIqAsync(Request(new XElement(SoftwareVersionInfo.ElementName), jid), cancellationToken).ConfigureAwait(false);
        return reply.GetPayload<SoftwareVersionInfo>()
            ?? throw new XmppException($"The software version answer of {jid} carried no <query xmlns='{SoftwareVersionInfo.Namespace}'/>.");
    }

    /// <summary>Asks an entity for its local time (XEP-0202).</summary>
    /// <param name="jid">The entity: a server's domain or a client's full JID.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The entity's time, at the entity's UTC offset.</returns>
    /// <exception cref="XmppIqErrorException">The entity answered with an error.</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no valid <c>urn:xmpp:time</c> payload.</exception>
    public async Task<DateTimeOffset> GetTimeAsync(Jid jid, CancellationToken cancellationToken = default)
    {
        var reply = await Client.SendIqAsync(Request(new XElement(EntityTime.ElementName), jid), cancellationToken).ConfigureAwait(false);
        if (reply.GetPayload(EntityTime.ElementName) is { } payload && EntityTime.TryParse(payload, out var time))
        {
            return time;
        }

        throw new XmppException($"The entity time answer of {jid} carried no valid <time xmlns='{EntityTime.Namespace}'/> (tzo and utc per XEP-0082).");
    }

    private static Iq Request(XElement payload, Jid to) => new(IqType.Get, payload) { To = to };

    private Task<Iq> AnswerVersionAsync(Iq request, CancellationToken cancellationToken)
    {
        if (request.Type != IqType.Get)
        {
            return Task.FromResult(request.CreateError(StanzaErrorCondition.BadRequest));
        }

        var options = Client.Options;
        var os = options.AnnounceOperatingSystem ? RuntimeInformation.OSDescription : null;
        return Task.FromResult(request.CreateResult(new SoftwareVersionInfo(options.SoftwareName, options.SoftwareVersion, os).ToXElement()));
    }

    private Task<Iq> AnswerTimeAsync(Iq request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Type == IqType.Get
            ? request.CreateResult(EntityTime.ToXElement(DateTimeOffset.Now))
            : request.CreateError(StanzaErrorCondition.BadRequest));
}
