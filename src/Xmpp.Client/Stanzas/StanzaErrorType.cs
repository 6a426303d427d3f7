namespace Xmpp.Client.Stanzas;

/// <summary>What the sender of a stanza that caused an error may do next (RFC 6120 §8.3.2).</summary>
public enum StanzaErrorType
{
    /// <summary>Do not retry: the error cannot be remedied.</summary>
    Cancel = 0,

    /// <summary>Proceed: the condition was only a warning.</summary>
    Continue,

    /// <summary>Retry after changing the data sent.</summary>
    Modify,

    /// <summary>Retry after providing credentials.</summary>
    Auth,

    /// <summary>Retry after waiting: the error is temporary.</summary>
    Wait,
}
