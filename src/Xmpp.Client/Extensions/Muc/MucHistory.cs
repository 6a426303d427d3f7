namespace Xmpp.Client.Extensions.Muc;

/// <summary>
/// How much of a room's recent discussion to receive on joining (XEP-0045 §7.2.14). History arrives after the join,
/// each message marked by <see cref="MucMessageEventArgs.IsHistory"/>; limits combine (the room sends what meets all).
/// </summary>
public sealed record MucHistory
{
    /// <summary>No history: what a bot usually wants (the default of <see cref="MucJoinOptions.History"/>).</summary>
    public static MucHistory None { get; } = new() { MaxStanzas = 0 };

    /// <summary>Whatever the room sends by default (often its last 20 messages).</summary>
    public static MucHistory RoomDefault { get; } = new();

    /// <summary>At most this many messages.</summary>
    public int? MaxStanzas { get; init; }

    /// <summary>At most this many characters of XML in total.</summary>
    public int? MaxChars { get; init; }

    /// <summary>Only messages from this long ago onwards (rounded up to whole seconds).</summary>
    public TimeSpan? Seconds { get; init; }

    /// <summary>Only messages sent after this moment: after a rejoin, what was missed without what was seen.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The last <paramref name="count"/> messages.</summary>
    /// <param name="count">How many, 0 or more.</param>
    /// <returns>The history request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static MucHistory Last(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new() { MaxStanzas = count };
    }

    /// <summary>The messages sent after <paramref name="since"/>.</summary>
    /// <param name="since">The moment.</param>
    /// <returns>The history request.</returns>
    public static MucHistory After(DateTimeOffset since) => new() { Since = since };

    internal bool IsRoomDefault => MaxStanzas is null && MaxChars is null && Seconds is null && Since is null;

    internal void Validate()
    {
        if (MaxStanzas < 0 || MaxChars < 0 || Seconds < TimeSpan.Zero)
        {
            throw new ArgumentException("History limits cannot be negative.", nameof(MucJoinOptions.History));
        }
    }
}
