using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Extensions.Blocking;
using Xmpp.Client.Extensions.ChatStates;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Extensions.EntityTime;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Extensions.Ping;
using Xmpp.Client.Extensions.Receipts;
using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.Extensions.SoftwareVersion;
using Xmpp.Client.Extensions.StanzaIds;

namespace Xmpp.Client.Tests.Support;

/// <summary>Extension sets with one built-in (or a few), for tests that look at one extension alone.</summary>
internal static class OnlyExtensions
{
    /// <summary>Multi-user chat (with service discovery, which it requires).</summary>
    public static XmppExtensionSet Muc => XmppExtensionSet.Empty.Add<MucExtension>();

    public static XmppExtensionSet Roster => XmppExtensionSet.Empty.Add<RosterExtension>();

    public static XmppExtensionSet Availability => XmppExtensionSet.Empty.Add<AvailabilityExtension>();

    public static XmppExtensionSet Disco => XmppExtensionSet.Empty.Add<DiscoExtension>();

    /// <summary>Disco plus ping, software version and entity time (what the old EntityInfo module held).</summary>
    public static XmppExtensionSet DiscoAndInfo => Disco.Add<PingExtension>().Add<SoftwareVersionExtension>().Add<EntityTimeExtension>();

    public static XmppExtensionSet Receipts => XmppExtensionSet.Empty.Add<ReceiptsExtension>();

    public static XmppExtensionSet ChatStates => XmppExtensionSet.Empty.Add<ChatStatesExtension>();

    public static XmppExtensionSet StanzaIds => XmppExtensionSet.Empty.Add<StanzaIdsExtension>();

    public static XmppExtensionSet Blocking => XmppExtensionSet.Empty.Add<BlockingExtension>();
}
