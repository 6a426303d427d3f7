namespace Xmpp.Client.Extensions.Muc;

/// <summary>Someone declined a mediated invitation to the room (XEP-0045 §7.8.2).</summary>
public sealed class MucDeclineEventArgs : EventArgs
{
    internal MucDeclineEventArgs(MucRoom room, Jid? decliner, string? reason)
    {
        Room = room;
        Decliner = decliner;
        Reason = reason;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>Who declined, when the room says.</summary>
    public Jid? Decliner { get; }

    /// <summary>Their reason, if any.</summary>
    public string? Reason { get; }
}
