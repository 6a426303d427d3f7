namespace Xmpp.Client.Session;

/// <summary>What became of a stanza given to <see cref="StanzaWriter.WriteStanzaAsync"/>.</summary>
internal enum WriteOutcome
{
    /// <summary>Written and flushed.</summary>
    Written,

    /// <summary>The connection broke while it was written, but stream management keeps it to send again.</summary>
    KeptForResend,

    /// <summary>Nothing was written: the session is over or earlier stanzas wait to be written first.</summary>
    NotWritten,
}
