namespace Xmpp.Client.Extensions.Muc;

/// <summary>The room's subject, sent on joining (after the history) and whenever someone changes it.</summary>
public sealed class MucSubjectEventArgs : EventArgs
{
    internal MucSubjectEventArgs(MucRoom room, string? subject, string? nick)
    {
        Room = room;
        Subject = subject;
        Nick = nick;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>The subject, or <see langword="null"/> when it is empty.</summary>
    public string? Subject { get; }

    /// <summary>Who set it, or <see langword="null"/> when the room does not say.</summary>
    public string? Nick { get; }
}
