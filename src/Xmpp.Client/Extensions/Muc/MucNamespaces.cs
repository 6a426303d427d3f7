using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>The XML names of multi-user chat (XEP-0045), direct invitations (XEP-0249) and self-ping (XEP-0410).</summary>
internal static class MucNamespaces
{
    public const string Muc = "http://jabber.org/protocol/muc";
    public const string User = Muc + "#user";
    public const string Admin = Muc + "#admin";
    public const string Owner = Muc + "#owner";
    public const string Conference = "jabber:x:conference";
    public const string SelfPingOptimization = Muc + "#self-ping-optimization";
    public const string StableId = Muc + "#stable_id";
    public const string DataForms = "jabber:x:data";
    public const string StanzaIds = "urn:xmpp:sid:0";

    public static readonly XName MucX = XName.Get("x", Muc);
    public static readonly XName UserX = XName.Get("x", User);
    public static readonly XName AdminQuery = XName.Get("query", Admin);
    public static readonly XName OwnerQuery = XName.Get("query", Owner);
    public static readonly XName ConferenceX = XName.Get("x", Conference);
    public static readonly XName FormX = XName.Get("x", DataForms);
    public static readonly XName StanzaId = XName.Get("stanza-id", StanzaIds);
    public static readonly XName OriginId = XName.Get("origin-id", StanzaIds);
}
