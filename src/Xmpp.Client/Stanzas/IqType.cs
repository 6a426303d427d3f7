namespace Xmpp.Client.Stanzas;

/// <summary>The type of an <see cref="Iq"/> (RFC 6120 §8.2.3).</summary>
public enum IqType
{
    /// <summary>A request for information.</summary>
    Get = 0,

    /// <summary>A request that provides data or asks for a change.</summary>
    Set,

    /// <summary>A successful answer to a get or set.</summary>
    Result,

    /// <summary>A failed answer to a get or set.</summary>
    Error,
}
