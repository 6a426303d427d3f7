using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Pep;

/// <summary>Log messages of personal eventing (event ids 3460–3479).</summary>
internal static partial class PepLog
{
    [LoggerMessage(3460, LogLevel.Warning, "Ignored a pubsub event from {From}: PEP notifications come from an account's bare JID (XEP-0163 §4)")]
    public static partial void ForeignEvent(ILogger logger, string from);

    [LoggerMessage(3461, LogLevel.Debug, "PEP notification from {Publisher} for node {Node}: {Published} published, {Retracted} retracted")]
    public static partial void Notification(ILogger logger, string publisher, string node, int published, int retracted);

    [LoggerMessage(3462, LogLevel.Warning, "Ignored a pubsub event from {From} without a node")]
    public static partial void EventWithoutNode(ILogger logger, string from);

    [LoggerMessage(3463, LogLevel.Warning, "A PEP notification from {Publisher} for node {Node} holds more than {Max} items; the rest are left out")]
    public static partial void TooManyItems(ILogger logger, string publisher, string node, int max);
}
