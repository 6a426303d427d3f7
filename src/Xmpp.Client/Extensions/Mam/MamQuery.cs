namespace Xmpp.Client.Extensions.Mam;

/// <summary>
/// What to read from a message archive (XEP-0313 §4): whose archive, which conversation, which time range, from which
/// archive id, in which direction, and how much. Every filter is optional; <c>new MamQuery()</c> reads the account's
/// whole archive, oldest first.
/// </summary>
public sealed record MamQuery
{
    /// <summary>
    /// The archive: <see langword="null"/> (the default) for the account's own, or a chat room's bare JID for the room's
    /// (XEP-0313 §5). Results are accepted only from that JID.
    /// </summary>
    public Jid? Archive { get; init; }

    /// <summary>Only the conversation with this JID (<c>with</c>): a bare JID matches all its resources.</summary>
    public Jid? With { get; init; }

    /// <summary>Only messages archived at or after this moment (<c>start</c>).</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Only messages archived at or before this moment (<c>end</c>).</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Only messages after the one with this archive id (RSM <c>&lt;after/&gt;</c>), exclusive. Ignored when
    /// <see cref="Backward"/> is set.</summary>
    public string? After { get; init; }

    /// <summary>
    /// With <see cref="Backward"/>: start before the message with this archive id (RSM <c>&lt;before/&gt;</c>),
    /// exclusive; <see langword="null"/> starts from the newest message.
    /// </summary>
    public string? Before { get; init; }

    /// <summary>
    /// Read newest first, page by page from the end (RSM <c>&lt;before/&gt;</c>). Default: oldest first.
    /// </summary>
    public bool Backward { get; init; }

    /// <summary>At most this many messages in all; <see langword="null"/> for no limit.</summary>
    public int? MaxResults { get; init; }

    /// <summary>
    /// How many messages to ask for per page (RSM <c>&lt;max/&gt;</c>), 50 by default (1 to 1000). Servers cap it
    /// (Prosody and ejabberd at 50 by default) and the enumeration follows whatever they return.
    /// </summary>
    public int PageSize { get; init; } = 50;

    internal void Validate()
    {
        if (PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "A page holds 1 to 1000 messages.");
        }

        if (MaxResults is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResults), MaxResults, "MaxResults must not be negative.");
        }

        if (Archive is { IsBare: false } archive)
        {
            throw new ArgumentException($"An archive is a bare JID, not '{archive}'.", nameof(Archive));
        }
    }
}
