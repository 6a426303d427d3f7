namespace Xmpp.Client.Extensions.Jingle;

/// <summary>Why a Jingle session ended (XEP-0166 §7.4, the condition inside <c>&lt;reason/&gt;</c>).</summary>
public enum JingleReason
{
    /// <summary>A condition this library does not know.</summary>
    Unknown,

    /// <summary><c>success</c>: the session did what it was for (the file arrived and matched its hash).</summary>
    Success,

    /// <summary><c>decline</c>: the responder did not want it.</summary>
    Decline,

    /// <summary><c>cancel</c>: a party gave up.</summary>
    Cancel,

    /// <summary><c>busy</c>: the party is busy.</summary>
    Busy,

    /// <summary><c>expired</c>: it took too long.</summary>
    Expired,

    /// <summary><c>timeout</c>: a request timed out.</summary>
    Timeout,

    /// <summary><c>failed-transport</c>: the transport (the in-band bytestream) broke.</summary>
    FailedTransport,

    /// <summary><c>failed-application</c>: the application failed.</summary>
    FailedApplication,

    /// <summary><c>media-error</c>: the content was wrong (for a file: its hash or size did not match).</summary>
    MediaError,

    /// <summary><c>general-error</c>.</summary>
    GeneralError,

    /// <summary><c>gone</c>: the party is offline.</summary>
    Gone,

    /// <summary><c>connectivity-error</c>.</summary>
    ConnectivityError,

    /// <summary><c>incompatible-parameters</c>.</summary>
    IncompatibleParameters,

    /// <summary><c>security-error</c>.</summary>
    SecurityError,

    /// <summary><c>unsupported-applications</c>: the description is not one the party supports.</summary>
    UnsupportedApplications,

    /// <summary><c>unsupported-transports</c>: the transport is not one the party supports.</summary>
    UnsupportedTransports,

    /// <summary><c>alternative-session</c>.</summary>
    AlternativeSession,
}
