namespace Xmpp.Client.Stanzas;

/// <summary>The stanza error conditions of RFC 6120 §8.3.3.</summary>
public enum StanzaErrorCondition
{
    /// <summary>A condition this library does not know.</summary>
    Unknown = 0,

    /// <summary>The sender sent a stanza that is malformed or not processable (§8.3.3.1).</summary>
    BadRequest,

    /// <summary>Access was denied because a resource already exists (§8.3.3.2).</summary>
    Conflict,

    /// <summary>The feature requested is not implemented by the recipient (§8.3.3.3).</summary>
    FeatureNotImplemented,

    /// <summary>The requesting entity lacks the permissions to do this (§8.3.3.4).</summary>
    Forbidden,

    /// <summary>The recipient can no longer be reached at this address (§8.3.3.5).</summary>
    Gone,

    /// <summary>The server has an internal error (§8.3.3.6).</summary>
    InternalServerError,

    /// <summary>The addressed JID or item does not exist (§8.3.3.7).</summary>
    ItemNotFound,

    /// <summary>The JID in the stanza does not adhere to the address format (§8.3.3.8).</summary>
    JidMalformed,

    /// <summary>The request does not meet the recipient's criteria (§8.3.3.9).</summary>
    NotAcceptable,

    /// <summary>The recipient does not allow any entity to do this (§8.3.3.10).</summary>
    NotAllowed,

    /// <summary>The sender must authenticate first (§8.3.3.11).</summary>
    NotAuthorized,

    /// <summary>The entity violated a local service policy (§8.3.3.12).</summary>
    PolicyViolation,

    /// <summary>The intended recipient is temporarily unavailable (§8.3.3.13).</summary>
    RecipientUnavailable,

    /// <summary>The recipient redirects requests to another entity (§8.3.3.14).</summary>
    Redirect,

    /// <summary>The sender must register first (§8.3.3.15).</summary>
    RegistrationRequired,

    /// <summary>The remote server named in the address does not exist (§8.3.3.16).</summary>
    RemoteServerNotFound,

    /// <summary>The remote server could not be reached in time (§8.3.3.17).</summary>
    RemoteServerTimeout,

    /// <summary>The server lacks the resources to serve the request (§8.3.3.18).</summary>
    ResourceConstraint,

    /// <summary>The service or recipient does not provide what was asked (§8.3.3.19).</summary>
    ServiceUnavailable,

    /// <summary>The sender must subscribe first (§8.3.3.20).</summary>
    SubscriptionRequired,

    /// <summary>An error not covered by the other conditions (§8.3.3.21).</summary>
    UndefinedCondition,

    /// <summary>The request was understood but not expected at this time (§8.3.3.22).</summary>
    UnexpectedRequest,
}
