using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>Log messages of multi-user chat (event ids 3400–3419).</summary>
internal static partial class MucLog
{
    [LoggerMessage(3400, LogLevel.Warning, "The room {Room} did not accept its default configuration; it stays locked (XEP-0045 §10.1.2)")]
    public static partial void InstantConfigurationFailed(ILogger logger, string room, Exception error);

    [LoggerMessage(3401, LogLevel.Warning, "Could not destroy the room {Room}, created by a join that asked not to create rooms")]
    public static partial void DestroyFailed(ILogger logger, string room, Exception error);

    [LoggerMessage(3402, LogLevel.Information, "The room {Room} did not confirm the leave in time; the client counts itself out")]
    public static partial void LeaveUnconfirmed(ILogger logger, string room);

    [LoggerMessage(3403, LogLevel.Debug, "Ignored an error presence ({Condition}) from the room {Room}")]
    public static partial void ErrorPresence(ILogger logger, string room, string condition);

    [LoggerMessage(3404, LogLevel.Information, "The room {Room} refused a message as from a non-occupant: checking whether the client is still in")]
    public static partial void MessageRefused(ILogger logger, string room);

    [LoggerMessage(3405, LogLevel.Warning, "The self-ping of {Room} says the client is no longer in the room ({Condition})")]
    public static partial void SelfPingFailed(ILogger logger, string room, string condition);

    [LoggerMessage(3406, LogLevel.Warning, "Could not rejoin {Room}; trying again in {Seconds} s")]
    public static partial void RejoinFailed(ILogger logger, string room, double seconds, Exception error);

    [LoggerMessage(3407, LogLevel.Debug, "The self-ping of {Room} could not tell whether the client is in")]
    public static partial void SelfPingUnanswered(ILogger logger, string room, Exception error);

    [LoggerMessage(3408, LogLevel.Information, "Left {Room} again: the room let the client in after the join was given up")]
    public static partial void LateJoinLeft(ILogger logger, string room);

    [LoggerMessage(3409, LogLevel.Warning, "Ignored an invitation from {From}: a mediated invitation must come from the room's bare JID")]
    public static partial void SpoofedInvitation(ILogger logger, string from);

    [LoggerMessage(3410, LogLevel.Warning, "Ignored an invitation from {From} without a valid room JID")]
    public static partial void InvalidInvitation(ILogger logger, string from);
}
