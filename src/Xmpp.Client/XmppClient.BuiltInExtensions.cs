using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Extensions.Blocking;
using Xmpp.Client.Extensions.Bookmarks;
using Xmpp.Client.Extensions.Carbons;
using Xmpp.Client.Extensions.ChatStates;
using Xmpp.Client.Extensions.ClientState;
using Xmpp.Client.Extensions.Corrections;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Extensions.EntityTime;
using Xmpp.Client.Extensions.Mam;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Extensions.Pep;
using Xmpp.Client.Extensions.Ping;
using Xmpp.Client.Extensions.Receipts;
using Xmpp.Client.Extensions.Registration;
using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.Extensions.SoftwareVersion;
using Xmpp.Client.Extensions.StanzaIds;
using Xmpp.Client.Extensions.VCards;

namespace Xmpp.Client;

/// <summary>
/// The built-in extensions' entry points: each property is <see cref="GetExtension{T}"/> for one extension of
/// <see cref="XmppExtensionSet.Default"/>, named after what it manages (never after a stanza type:
/// <see cref="Availability"/>, not "Presence"), and throws <see cref="InvalidOperationException"/> when that
/// extension was removed from <see cref="XmppClientOptions.Extensions"/>.
/// </summary>
public sealed partial class XmppClient
{
    /// <summary>The roster (RFC 6121 §2, with XEP-0237 versioning): the contact list and its changes.</summary>
    /// <exception cref="InvalidOperationException"><see cref="RosterExtension"/> is not registered.</exception>
    public RosterExtension Roster => GetExtension<RosterExtension>();

    /// <summary>
    /// Availability and subscriptions (RFC 6121 §3–4): send the account's presence, manage presence subscriptions, and
    /// see which contacts are online with which resources.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="AvailabilityExtension"/> is not registered.</exception>
    public AvailabilityExtension Availability => GetExtension<AvailabilityExtension>();

    /// <summary>Service discovery (XEP-0030) and entity capabilities (XEP-0115).</summary>
    /// <exception cref="InvalidOperationException"><see cref="DiscoExtension"/> is not registered.</exception>
    public DiscoExtension Disco => GetExtension<DiscoExtension>();

    /// <summary>Pinging entities (XEP-0199) to measure the round trip or check they are there.</summary>
    /// <exception cref="InvalidOperationException"><see cref="PingExtension"/> is not registered.</exception>
    public PingExtension Ping => GetExtension<PingExtension>();

    /// <summary>Asking entities for their software version (XEP-0092), and answering for this client.</summary>
    /// <exception cref="InvalidOperationException"><see cref="SoftwareVersionExtension"/> is not registered.</exception>
    public SoftwareVersionExtension SoftwareVersion => GetExtension<SoftwareVersionExtension>();

    /// <summary>Asking entities for their time (XEP-0202), and answering for this client.</summary>
    /// <exception cref="InvalidOperationException"><see cref="EntityTimeExtension"/> is not registered.</exception>
    public EntityTimeExtension EntityTime => GetExtension<EntityTimeExtension>();

    /// <summary>Message delivery receipts (XEP-0184): requests, automatic answers, and waiting for receipts.</summary>
    /// <exception cref="InvalidOperationException"><see cref="ReceiptsExtension"/> is not registered.</exception>
    public ReceiptsExtension Receipts => GetExtension<ReceiptsExtension>();

    /// <summary>Chat state notifications (XEP-0085): typing, paused, active, inactive, gone.</summary>
    /// <exception cref="InvalidOperationException"><see cref="ChatStatesExtension"/> is not registered.</exception>
    public ChatStatesExtension ChatStates => GetExtension<ChatStatesExtension>();

    /// <summary>Unique and stable stanza ids (XEP-0359): origin-ids on messages sent, and the server's archive ids.</summary>
    /// <exception cref="InvalidOperationException"><see cref="StanzaIdsExtension"/> is not registered.</exception>
    public StanzaIdsExtension StanzaIds => GetExtension<StanzaIdsExtension>();

    /// <summary>The block list (XEP-0191).</summary>
    /// <exception cref="InvalidOperationException"><see cref="BlockingExtension"/> is not registered.</exception>
    public BlockingExtension Blocking => GetExtension<BlockingExtension>();

    /// <summary>Multi-user chat (XEP-0045): rooms, invitations, self-ping and rejoining.</summary>
    /// <exception cref="InvalidOperationException"><see cref="MucExtension"/> is not registered.</exception>
    public MucExtension Muc => GetExtension<MucExtension>();

    /// <summary>Personal eventing (XEP-0163): publishing to the account's nodes and notifications of contacts' ones.</summary>
    /// <exception cref="InvalidOperationException"><see cref="PepExtension"/> is not registered.</exception>
    public PepExtension Pep => GetExtension<PepExtension>();

    /// <summary>The account's bookmarked rooms (XEP-0402, or XEP-0048 in private storage).</summary>
    /// <exception cref="InvalidOperationException"><see cref="BookmarksExtension"/> is not registered.</exception>
    public BookmarksExtension Bookmarks => GetExtension<BookmarksExtension>();

    /// <summary>Message carbons (XEP-0280): copies of the account's messages from and to its other devices.</summary>
    /// <exception cref="InvalidOperationException"><see cref="CarbonsExtension"/> is not registered.</exception>
    public CarbonsExtension Carbons => GetExtension<CarbonsExtension>();

    /// <summary>Message corrections (XEP-0308) and retractions (XEP-0424).</summary>
    /// <exception cref="InvalidOperationException"><see cref="CorrectionsExtension"/> is not registered.</exception>
    public CorrectionsExtension Corrections => GetExtension<CorrectionsExtension>();

    /// <summary>The message archive (XEP-0313).</summary>
    /// <exception cref="InvalidOperationException"><see cref="MamExtension"/> is not registered.</exception>
    public MamExtension Mam => GetExtension<MamExtension>();

    /// <summary>vCards (XEP-0054).</summary>
    /// <exception cref="InvalidOperationException"><see cref="VCardExtension"/> is not registered.</exception>
    public VCardExtension VCard => GetExtension<VCardExtension>();

    /// <summary>Client state indication (XEP-0352): telling the server the client is inactive.</summary>
    /// <exception cref="InvalidOperationException"><see cref="ClientStateExtension"/> is not registered.</exception>
    public ClientStateExtension ClientState => GetExtension<ClientStateExtension>();

    /// <summary>In-band registration (XEP-0077) for the logged-in account: password change, account deletion, and
    /// registering with services such as gateways. Accounts are created before login with <see cref="AccountRegistration"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="RegistrationExtension"/> is not registered.</exception>
    public RegistrationExtension Registration => GetExtension<RegistrationExtension>();
}
