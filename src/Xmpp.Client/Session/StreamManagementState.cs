namespace Xmpp.Client.Session;

/// <summary>
/// What the client remembers of its XEP-0198 session across connections: the id to resume with, where, for how
/// long, and how many stanzas it has handled from the server (its own <c>h</c>). Outlives sessions.
/// </summary>
internal sealed class StreamManagementState
{
    private uint _inboundHandled;

    /// <summary>The id the server gave for resumption; <see langword="null"/> when the session cannot be resumed.</summary>
    public string? ResumptionId { get; private set; }

    /// <summary>Where the server prefers the client to reconnect for resumption (host or host:port), if it said.</summary>
    public string? Location { get; private set; }

    /// <summary>How long the server keeps the session for resumption, if it said.</summary>
    public TimeSpan? MaxResumptionTime { get; private set; }

    /// <summary>Stanzas handled from the server on the current stream-management session, modulo 2^32.</summary>
    public uint InboundHandled => Volatile.Read(ref _inboundHandled);

    /// <summary>Counts one more stanza received (called by the read loop only).</summary>
    public void CountInbound() => Volatile.Write(ref _inboundHandled, StreamManagementCounter.Increment(_inboundHandled));

    /// <summary>A new stream-management session was enabled.</summary>
    public void Enabled(string? resumptionId, string? location, TimeSpan? maxResumptionTime)
    {
        ResumptionId = resumptionId;
        Location = location;
        MaxResumptionTime = maxResumptionTime;
        Volatile.Write(ref _inboundHandled, 0);
    }

    /// <summary>The session can no longer be resumed (resumption failed, or the session ended on purpose).</summary>
    public void Forget()
    {
        ResumptionId = null;
        Location = null;
        MaxResumptionTime = null;
        Volatile.Write(ref _inboundHandled, 0);
    }
}
