namespace Xmpp.Client;

/// <summary>
/// What the client refused to process, counted over its lifetime (all sessions). Each case is also logged as a
/// warning with the sender. Safe to read from any thread.
/// </summary>
public sealed class XmppDiagnostics
{
    private long _skippedStanzas;

    internal XmppDiagnostics()
    {
    }

    /// <summary>
    /// Top-level elements received and skipped because they broke a per-stanza limit: elements nested more than 64
    /// deep, more than 128 attributes (namespace declarations included) on one element, or larger than
    /// <see cref="XmppClientOptions.MaxStanzaBytes"/>. The session went on; an IQ request among them was answered with
    /// <c>policy-violation</c>.
    /// </summary>
    public long SkippedStanzas => Interlocked.Read(ref _skippedStanzas);

    internal void CountSkipped() => Interlocked.Increment(ref _skippedStanzas);
}
