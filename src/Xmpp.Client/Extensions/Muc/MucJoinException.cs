using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>A room refused the join; <see cref="Reason"/> says why and what to do.</summary>
public sealed class MucJoinException : XmppException
{
    /// <summary>Creates the exception for a refusal.</summary>
    /// <param name="room">The room.</param>
    /// <param name="nick">The nickname asked for.</param>
    /// <param name="reason">Why.</param>
    /// <param name="error">The room's error, if it sent one.</param>
    public MucJoinException(Jid room, string nick, MucJoinError reason, StanzaError? error)
        : base(Describe(room, nick, reason, error))
    {
        Room = room;
        Nick = nick;
        Reason = reason;
        Error = error;
    }

    /// <summary>The room.</summary>
    public Jid Room { get; }

    /// <summary>The nickname asked for.</summary>
    public string Nick { get; }

    /// <summary>Why the room refused.</summary>
    public MucJoinError Reason { get; }

    /// <summary>The error the room sent, or <see langword="null"/> when the refusal is the client's (a room that does not exist, for <see cref="MucRoomCreation.Never"/>).</summary>
    public StanzaError? Error { get; }

    /// <summary>The reason a room's error stands for.</summary>
    internal static MucJoinError Classify(StanzaErrorCondition condition) => condition switch
    {
        StanzaErrorCondition.Conflict => MucJoinError.NicknameInUse,
        StanzaErrorCondition.NotAuthorized => MucJoinError.PasswordRequired,
        StanzaErrorCondition.Forbidden => MucJoinError.Banned,
        StanzaErrorCondition.RegistrationRequired => MucJoinError.MembersOnly,
        StanzaErrorCondition.ItemNotFound => MucJoinError.RoomNotFound,
        StanzaErrorCondition.NotAllowed => MucJoinError.CreationNotAllowed,
        StanzaErrorCondition.NotAcceptable => MucJoinError.NicknameNotAcceptable,
        StanzaErrorCondition.ServiceUnavailable => MucJoinError.RoomFull,
        StanzaErrorCondition.RemoteServerNotFound or StanzaErrorCondition.RemoteServerTimeout => MucJoinError.ServiceUnreachable,
        _ => MucJoinError.Other,
    };

    private static string Describe(Jid room, string nick, MucJoinError reason, StanzaError? error)
    {
        var what = reason switch
        {
            MucJoinError.NicknameInUse => $"the nickname '{nick}' is in use or registered by someone else; join with another one",
            MucJoinError.PasswordRequired => "it needs a password, or the one given is wrong; set MucJoinOptions.Password",
            MucJoinError.Banned => "the account is banned from it; an admin of the room must lift the ban",
            MucJoinError.MembersOnly => "it is members-only and the account is not a member; ask an admin for membership",
            MucJoinError.RoomNotFound => "it does not exist (or is locked while its creator configures it)",
            MucJoinError.CreationNotAllowed => "it does not exist and the service does not let this account create rooms",
            MucJoinError.NicknameNotAcceptable => "it admits only the account's registered nickname; join with that one",
            MucJoinError.RoomFull => "it is full (or the service is unavailable); try again later",
            MucJoinError.ServiceUnreachable => "its chat service cannot be reached; check the room's JID or try again later",
            _ => "it refused",
        };
        var detail = error is null ? string.Empty : $" (error: {error.ConditionName}{(error.Text is { } text ? $", \"{text}\"" : string.Empty)})";
        return $"Could not join {room} as '{nick}': {what}{detail}.";
    }
}
