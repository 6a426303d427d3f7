using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Gateways;

/// <summary>Log messages of the gateway extension (event ids 3780–3799).</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(3780, LogLevel.Debug, "{Server} lists {Items} items, {Gateways} of them gateways")]
    public static partial void Discovered(ILogger logger, string server, int items, int gateways);

    [LoggerMessage(3781, LogLevel.Debug, "{Item} did not answer disco#info ({Reason}); not counted as a gateway")]
    public static partial void ItemUnanswered(ILogger logger, string item, string reason);

    [LoggerMessage(3782, LogLevel.Warning, "{Server} lists {Items} items; only the first {Max} were asked whether they are gateways")]
    public static partial void TooManyItems(ILogger logger, string server, int items, int max);

    [LoggerMessage(3783, LogLevel.Debug, "{Gateway} does not translate addresses (jabber:iq:gateway: {Reason}); the address was escaped (XEP-0106) instead")]
    public static partial void Escaped(ILogger logger, string gateway, string reason);

    [LoggerMessage(3784, LogLevel.Warning, "{Max} gateways are known already; {Gateway} is not remembered")]
    public static partial void TooManyGateways(ILogger logger, int max, string gateway);

    [LoggerMessage(3785, LogLevel.Debug, "{Gateway}, registered with, asks for the account's presence: approved, and subscribed to it in turn")]
    public static partial void ApprovingGateway(ILogger logger, string gateway);

    [LoggerMessage(3786, LogLevel.Debug, "Unregistered from {Gateway}; {Removed} roster items (the gateway and its contacts) removed")]
    public static partial void RemovedContacts(ILogger logger, string gateway, int removed);
}
