namespace Xmpp.Client.Extensions.Disco;

/// <summary>The namespaces of service discovery (XEP-0030), entity capabilities (XEP-0115) and data forms (XEP-0004).</summary>
internal static class DiscoNamespaces
{
    public const string Info = "http://jabber.org/protocol/disco#info";
    public const string Items = "http://jabber.org/protocol/disco#items";
    public const string Caps = "http://jabber.org/protocol/caps";
    public const string DataForms = "jabber:x:data";
}
