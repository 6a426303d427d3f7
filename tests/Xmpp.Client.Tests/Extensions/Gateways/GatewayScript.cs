using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Gateways;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Gateways;

/// <summary>The server side of the gateway tests: disco answers by entity, read from the requests' 'to'.</summary>
internal static class GatewayScript
{
    public const string Info = "http://jabber.org/protocol/disco#info";
    public const string Items = "http://jabber.org/protocol/disco#items";
    public const string IqGateway = "jabber:iq:gateway";
    public static readonly XNamespace G = IqGateway;
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static XmppExtensionSet GatewaysOnly => XmppExtensionSet.Empty.Add<GatewaysExtension>();

    public static GatewaysExtension Gateways(this XmppClient client) => client.GetExtension<GatewaysExtension>();

    public static XElement ToX(this XmppElement element) => XElement.Parse(element.ToString());

    /// <summary>A disco#info answer with one identity and the features.</summary>
    public static string InfoOf(string category, string type, params string[] features) =>
        $"<query xmlns='{Info}'><identity category='{category}' type='{type}' name='{type} service'/>"
        + string.Concat(features.Select(f => $"<feature var='{f}'/>")) + "</query>";

    /// <summary>
    /// Answers the next <paramref name="count"/> IQs of the client: <paramref name="answer"/> gets each request and
    /// returns the inner XML of the result, or a whole <c>&lt;error/&gt;</c> element. Returns the 'to' of each, in order.
    /// </summary>
    public static async Task<List<string>> AnswerAsync(LiveServer live, Func<XElement, string> answer, int count = 1)
    {
        var asked = new List<string>();
        while (asked.Count < count)
        {
            var request = (await live.Server.ExpectAsync("iq")).ToX();
            var to = (string?)request.Attribute("to") ?? "";
            asked.Add(to);
            var inner = answer(request);
            var type = inner.StartsWith("<error", StringComparison.Ordinal) ? "error" : "result";
            await live.Server.SendAsync($"<iq type='{type}' id='{request.Attribute("id")!.Value}' from='{to}'>{inner}</iq>");
        }

        return asked;
    }

    public static string Error(string condition, string type = "cancel") =>
        $"<error type='{type}'><{condition} xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>";
}
