namespace Xmpp.Client.Extensions.Muc;

/// <summary>How to enter a room: password, history, what to do if the room does not exist, how long to wait.</summary>
public sealed record MucJoinOptions
{
    /// <summary>The defaults: no password, no history, instant creation, the client's <see cref="XmppClientOptions.IqTimeout"/>.</summary>
    public static MucJoinOptions Default { get; } = new();

    /// <summary>The room's password, for a password-protected room.</summary>
    public string? Password { get; init; }

    /// <summary>How much history to ask for; <see cref="MucHistory.None"/> by default, so a bot does not see old lines at all.</summary>
    public MucHistory History { get; init; } = MucHistory.None;

    /// <summary>What to do when the join creates the room; <see cref="MucRoomCreation.Instant"/> by default.</summary>
    public MucRoomCreation Creation { get; init; } = MucRoomCreation.Instant;

    /// <summary>How long to wait for the room to answer; <see langword="null"/> (the default) uses <see cref="XmppClientOptions.IqTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Whether to join again by itself after losing the room: after a reconnection that could not resume the session,
    /// a service shutdown (status 332) or a failed self-ping (XEP-0410). On by default.
    /// </summary>
    public bool Rejoin { get; init; } = true;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(History, nameof(History));
        History.Validate();
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "The join timeout must be positive.");
        }

        if (!Enum.IsDefined(Creation))
        {
            throw new ArgumentOutOfRangeException(nameof(Creation), Creation, "Not a MucRoomCreation.");
        }
    }
}
