using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.EntityTime;

/// <summary>
/// Entity time (XEP-0202): asks an entity for its local time, and answers for this client with UTC plus the local offset.
/// </summary>
/// <remarks>Reach it through <see cref="XmppClient.EntityTime"/>. Thread-safe.</remarks>
public sealed class EntityTimeExtension : XmppExtension
{
    /// <summary>Asks an entity for its local time.</summary>
    /// <param name="jid">The entity: a server's domain or a client's full JID.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The entity's time, at the entity's UTC offset.</returns>
    /// <exception cref="XmppIqErrorException">The entity answered with an error.</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no valid <c>urn:xmpp:time</c> payload.</exception>
    public async Task<DateTimeOffset> GetAsync(Jid jid, CancellationToken cancellationToken = default)
    {
        var request = new Iq(IqType.Get, new XElement(EntityTimeXml.ElementName)) { To = jid };
        var reply = await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        if (reply.GetPayload(EntityTimeXml.ElementName) is { } payload && EntityTimeXml.TryParse(payload, out var time))
        {
            return time;
        }

        throw new XmppException($"The entity time answer of {jid} carried no valid <time xmlns='{EntityTimeXml.Namespace}'/> (tzo and utc per XEP-0082).");
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        context.AddFeature(EntityTimeXml.Namespace);
        context.HandleIq(EntityTimeXml.ElementName, AnswerAsync);
    }

    private Task<Iq> AnswerAsync(Iq request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Type == IqType.Get
            ? request.CreateResult(EntityTimeXml.ToXElement(DateTimeOffset.Now))
            : request.CreateError(StanzaErrorCondition.BadRequest));
}
