namespace Xmpp.Client;

/// <summary>
/// The stream error conditions of RFC 6120 §4.9.3. A stream error is unrecoverable: the stream is closed
/// after it is sent or received.
/// </summary>
public enum StreamErrorCondition
{
    /// <summary>A condition this library does not know (a newer or non-standard one).</summary>
    Unknown = 0,

    /// <summary>The entity sent XML that cannot be processed (§4.9.3.1).</summary>
    BadFormat,

    /// <summary>The entity sent a namespace prefix that is unsupported (§4.9.3.2).</summary>
    BadNamespacePrefix,

    /// <summary>The server is closing the stream because a new stream with the same session was opened (§4.9.3.3).</summary>
    Conflict,

    /// <summary>One party is closing the stream because the connection is broken or too slow (§4.9.3.4).</summary>
    ConnectionTimeout,

    /// <summary>The 'to' address names a host the server does not serve (§4.9.3.5).</summary>
    HostGone,

    /// <summary>The 'to' address names a host the server does not know (§4.9.3.6).</summary>
    HostUnknown,

    /// <summary>A stanza's addressing is wrong, such as a 'from' the entity may not use (§4.9.3.7).</summary>
    ImproperAddressing,

    /// <summary>The server has a misconfiguration or internal error (§4.9.3.8).</summary>
    InternalServerError,

    /// <summary>The data provided in a 'from' address does not match an authorized JID (§4.9.3.9).</summary>
    InvalidFrom,

    /// <summary>The stream or content namespace is not the one expected (§4.9.3.10).</summary>
    InvalidNamespace,

    /// <summary>The entity sent invalid XML over the stream to a server that validates (§4.9.3.11).</summary>
    InvalidXml,

    /// <summary>The entity tried to send data before the stream was authenticated (§4.9.3.12).</summary>
    NotAuthorized,

    /// <summary>The initiating entity sent XML that is not well-formed (§4.9.3.13).</summary>
    NotWellFormed,

    /// <summary>The entity violated a local service policy, such as a stanza size limit (§4.9.3.14).</summary>
    PolicyViolation,

    /// <summary>The server cannot connect to a remote entity needed for authentication or authorization (§4.9.3.15).</summary>
    RemoteConnectionFailed,

    /// <summary>The server is closing the stream because it has new features to offer, or is resetting (§4.9.3.16).</summary>
    Reset,

    /// <summary>The server lacks the resources needed to serve the stream (§4.9.3.17).</summary>
    ResourceConstraint,

    /// <summary>The entity sent XML features RFC 6120 forbids: comments, processing instructions, DTDs, entity references (§4.9.3.18).</summary>
    RestrictedXml,

    /// <summary>The server will not serve the stream and names another host to connect to (§4.9.3.19).</summary>
    SeeOtherHost,

    /// <summary>The server is being shut down and all active streams are being closed (§4.9.3.20).</summary>
    SystemShutdown,

    /// <summary>The error condition is not one of those defined by the other conditions (§4.9.3.21).</summary>
    UndefinedCondition,

    /// <summary>The stream was sent in an encoding other than UTF-8 (§4.9.3.22).</summary>
    UnsupportedEncoding,

    /// <summary>A mandatory-to-negotiate feature was not supported by the receiving entity (§4.9.3.23).</summary>
    UnsupportedFeature,

    /// <summary>A first-level child of the stream is not supported by the server (§4.9.3.24).</summary>
    UnsupportedStanzaType,

    /// <summary>The 'version' attribute names a version of XMPP the server does not support (§4.9.3.25).</summary>
    UnsupportedVersion,
}
