using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Gateways;

/// <summary>Names of gateway interaction (XEP-0100) and jabber:iq:gateway.</summary>
internal static class GatewayXml
{
    /// <summary>The jabber:iq:gateway namespace: a legacy address translated to a JID (XEP-0100 §6.3).</summary>
    public const string Namespace = "jabber:iq:gateway";

    /// <summary>The disco category of gateways (XEP-0100 §5).</summary>
    public const string Category = "gateway";

    public static readonly XNamespace Ns = Namespace;
    public static readonly XName Query = Ns + "query";
    public static readonly XName Desc = Ns + "desc";
    public static readonly XName Prompt = Ns + "prompt";
    public static readonly XName Jid = Ns + "jid";
}
