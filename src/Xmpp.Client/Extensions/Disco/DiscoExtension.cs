using System.Diagnostics.CodeAnalysis;
using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// Service discovery (XEP-0030) and entity capabilities (XEP-0115): asks any entity what it is and supports,
/// answers such questions about this client (the identity <c>client</c>/<see cref="XmppClientOptions.ClientType"/>
/// and the features of every extension registered, see <see cref="XmppClient.Features"/>), adds the client's capabilities to each available presence it
/// broadcasts, and keeps a cache of the verified capabilities of those whose presence it receives.
/// </summary>
/// <remarks>Reach it through <see cref="XmppClient.Disco"/>. Thread-safe.</remarks>
public sealed partial class DiscoExtension : XmppExtension
{
    private CapsCache _caps = null!;
    private (DiscoInfo Info, EntityCapabilities Caps)? _own;

    /// <summary>What this client answers about itself: its identities and the features announced (<see cref="XmppClient.Features"/>).</summary>
    public DiscoInfo OwnInfo => Own.Info;

    /// <summary>The capabilities (XEP-0115) this client adds to every available presence it sends: the hash of <see cref="OwnInfo"/>.</summary>
    public EntityCapabilities OwnCapabilities => Own.Caps;

    /// <summary>Asks an entity for its identities and features (disco#info).</summary>
    /// <param name="jid">The entity, such as the server's domain, a contact's full JID or a service.</param>
    /// <param name="node">A node of the entity to ask about, or <see langword="null"/> for the entity itself.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="XmppIqErrorException">The entity answered with an error (such as <c>item-not-found</c>).</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no disco#info payload.</exception>
    public async Task<DiscoInfo> GetInfoAsync(Jid jid, string? node = null, CancellationToken cancellationToken = default)
    {
        var reply = await Client.SendIqAsync(Query(DiscoInfo.ElementName, jid, node), cancellationToken).ConfigureAwait(false);
        return reply.GetPayload<DiscoInfo>()
            ?? throw new XmppException($"The disco#info answer of {jid} carried no <query xmlns='{DiscoNamespaces.Info}'/>.");
    }

    /// <summary>Asks an entity for its items (disco#items): the services of a server, the rooms of a chat service….</summary>
    /// <param name="jid">The entity.</param>
    /// <param name="node">A node of the entity to list, or <see langword="null"/> for the entity itself.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The items, in the order given; items whose JID is invalid are left out.</returns>
    /// <exception cref="XmppIqErrorException">The entity answered with an error.</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no disco#items payload.</exception>
    public async Task<IReadOnlyList<DiscoItem>> GetItemsAsync(Jid jid, string? node = null, CancellationToken cancellationToken = default)
    {
        var name = XName.Get("query", DiscoNamespaces.Items);
        var reply = await Client.SendIqAsync(Query(name, jid, node), cancellationToken).ConfigureAwait(false);
        var query = reply.GetPayload(name)
            ?? throw new XmppException($"The disco#items answer of {jid} carried no <query xmlns='{DiscoNamespaces.Items}'/>.");
        return
        [
            .. query.Elements(XName.Get("item", DiscoNamespaces.Items))
                .Select(item => Jid.TryParse((string?)item.Attribute("jid"), out var itemJid)
                    ? new DiscoItem(itemJid, (string?)item.Attribute("node"), (string?)item.Attribute("name"))
                    : null)
                .OfType<DiscoItem>(),
        ];
    }

    /// <summary>
    /// The verified capabilities (XEP-0115) of the entity, as announced in its latest available presence, when
    /// they are already known; never sends anything.
    /// </summary>
    /// <param name="fullJid">The entity's full JID, as in the presence's 'from'.</param>
    /// <param name="info">Its identities and features.</param>
    /// <returns><see langword="false"/> when the entity announced no capabilities, is offline, or its
    /// capabilities are still being verified or failed verification.</returns>
    public bool TryGetCapabilities(Jid fullJid, [NotNullWhen(true)] out DiscoInfo? info) => _caps.TryGet(fullJid, out info);

    /// <summary>
    /// The verified capabilities (XEP-0115) of the entity, as announced in its latest available presence, waiting
    /// for their verification if it is under way (and starting it if needed).
    /// </summary>
    /// <param name="fullJid">The entity's full JID, as in the presence's 'from'.</param>
    /// <param name="cancellationToken">Stops waiting (the verification goes on).</param>
    /// <returns>The capabilities, or <see langword="null"/> when the entity announced none (or with a hash function
    /// other than SHA-1/256/384/512), is offline, its announcement could not be verified (the answer was ill-formed,
    /// did not match the hash it announced, or did not come), its answer is larger than the cache keeps (64 KiB), or
    /// too many verifications are under way (a few per contact, 32 in all). The cache is bounded like the presence
    /// table (<see cref="XmppClientOptions.MaxTrackedResources"/>, <see cref="XmppClientOptions.MaxTrackedResourcesPerContact"/>)
    /// and keeps at most 1,024 verified answers (about 4 MiB), each contact's answers taking at most 32 of them.</returns>
    public Task<DiscoInfo?> GetCapabilitiesAsync(Jid fullJid, CancellationToken cancellationToken = default) =>
        _caps.GetAsync(fullJid, cancellationToken);

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        var options = context.Client.Options;
        _caps = new CapsCache((jid, node, cancellationToken) => GetInfoAsync(jid, node, cancellationToken), context.Logger,
            options.MaxTrackedResourcesPerContact, options.MaxTrackedResources);
        context.AddFeature(DiscoNamespaces.Info);
        context.AddFeature(DiscoNamespaces.Items);
        context.AddFeature(DiscoNamespaces.Caps);
        context.HandleIq(DiscoInfo.ElementName, AnswerInfoAsync, IqHandlerMode.Sequential);
        context.HandleIq(XName.Get("query", DiscoNamespaces.Items), AnswerItemsAsync, IqHandlerMode.Sequential);
        context.OnPresence(OnPresenceAsync);
        context.DecorateOutgoing(AddCapabilities);
        context.OnSessionStarted(OnSessionStartedAsync);
        context.OnNewSession(_ => ForgetServerInfo());
        context.Features.Changed += OnFeaturesChanged;
    }

    private ValueTask<bool> OnPresenceAsync(Presence presence, CancellationToken cancellationToken)
    {
        if (presence.From is { IsBare: false } from)
        {
            switch (presence.Type)
            {
                case PresenceType.Available:
                    _caps.OnAvailable(from, presence.GetPayload<EntityCapabilities>());
                    break;
                case PresenceType.Unavailable:
                    _caps.OnUnavailable(from);
                    break;
            }
        }

        return new(false);
    }

    private void AddCapabilities(Stanza stanza)
    {
        // Every available presence, directed ones too: a room or a peer reached by directed presence learns them as well.
        if (stanza is Presence { Type: PresenceType.Available } presence && !presence.HasPayload(EntityCapabilities.ElementName))
        {
            presence.AddPayload(OwnCapabilities);
        }
    }

    private Task OnSessionStartedAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        if (!session.IsResumed)
        {
            _caps.StartSession(OwnCapabilities, OwnInfo);
        }

        return Task.CompletedTask;
    }

    private static Iq Query(XName name, Jid jid, string? node) =>
        new(IqType.Get, new XElement(name, node is null ? null : new XAttribute("node", node))) { To = jid };

    private (DiscoInfo Info, EntityCapabilities Caps) DescribeSelf()
    {
        var options = Client.Options;
        var announced = Context.Features;
        var features = announced.Names.Distinct(StringComparer.Ordinal).Order(OctetComparer.Instance);
        var info = new DiscoInfo([new DiscoIdentity("client", options.ClientType, options.SoftwareName), .. announced.Identities], features);
        return (info, new EntityCapabilities(CapsHash.Sha1, options.CapsNode, CapsHash.Compute(info)));
    }

    private Task<Iq> AnswerInfoAsync(Iq request, CancellationToken cancellationToken)
    {
        if (request.Type != IqType.Get)
        {
            return Task.FromResult(request.CreateError(StanzaErrorCondition.BadRequest));
        }

        var node = (string?)request.Payload?.Attribute("node");
        if (node is null)
        {
            return Task.FromResult(request.CreateResult(OwnInfo.ToXElement()));
        }

        return Task.FromResult(node == OwnCapabilities.DiscoNode
            ? request.CreateResult(OwnInfo.WithNode(node).ToXElement())
            : request.CreateError(StanzaErrorCondition.ItemNotFound));
    }

    private Task<Iq> AnswerItemsAsync(Iq request, CancellationToken cancellationToken)
    {
        if (request.Type != IqType.Get)
        {
            return Task.FromResult(request.CreateError(StanzaErrorCondition.BadRequest));
        }

        // No items of our own; the caps node is a phantom node with no items either (XEP-0115 §6.2).
        var node = (string?)request.Payload?.Attribute("node");
        return Task.FromResult(node is null || node == OwnCapabilities.DiscoNode
            ? request.CreateResult(new XElement(XName.Get("query", DiscoNamespaces.Items), node is null ? null : new XAttribute("node", node)))
            : request.CreateError(StanzaErrorCondition.ItemNotFound));
    }
}
