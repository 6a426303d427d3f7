using System.Runtime.InteropServices;
using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.SoftwareVersion;

/// <summary>
/// Software version (XEP-0092): asks an entity which software it runs, and answers for this client with
/// <see cref="XmppClientOptions.SoftwareName"/> and <see cref="XmppClientOptions.SoftwareVersion"/> (the operating
/// system only with <see cref="XmppClientOptions.AnnounceOperatingSystem"/>).
/// </summary>
/// <remarks>Reach it through <see cref="XmppClient.SoftwareVersion"/>. Thread-safe.</remarks>
public sealed class SoftwareVersionExtension : XmppExtension
{
    /// <summary>Asks an entity which software it runs.</summary>
    /// <param name="jid">The entity: a server's domain or a client's full JID.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Name, version and, if the entity tells, operating system.</returns>
    /// <exception cref="XmppIqErrorException">The entity answered with an error.</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no <c>jabber:iq:version</c> payload.</exception>
    public async Task<SoftwareVersionInfo> GetAsync(Jid jid, CancellationToken cancellationToken = default)
    {
        var request = new Iq(IqType.Get, new XElement(SoftwareVersionInfo.ElementName)) { To = jid };
        return await Client.SendIqAsync<SoftwareVersionInfo>(request, cancellationToken).ConfigureAwait(false)
            ?? throw new XmppException($"The software version answer of {jid} carried no <query xmlns='{SoftwareVersionInfo.Namespace}'/>.");
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        context.AddFeature(SoftwareVersionInfo.Namespace);
        context.HandleIq(SoftwareVersionInfo.ElementName, AnswerAsync);
    }

    private Task<Iq> AnswerAsync(Iq request, CancellationToken cancellationToken)
    {
        if (request.Type != IqType.Get)
        {
            return Task.FromResult(request.CreateError(StanzaErrorCondition.BadRequest));
        }

        var options = Client.Options;
        var os = options.AnnounceOperatingSystem ? RuntimeInformation.OSDescription : null;
        return Task.FromResult(request.CreateResult(new SoftwareVersionInfo(options.SoftwareName, options.SoftwareVersion, os)));
    }
}
