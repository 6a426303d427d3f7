using System.Collections.Frozen;

namespace Xmpp.Client.Stanzas;

/// <summary>Element names of the stanza error conditions, and the error type RFC 6120 §8.3.3 shows with each.</summary>
internal static class StanzaErrorConditions
{
    private static readonly (string Name, StanzaErrorCondition Condition, StanzaErrorType Type)[] Table =
    [
        ("bad-request", StanzaErrorCondition.BadRequest, StanzaErrorType.Modify),
        ("conflict", StanzaErrorCondition.Conflict, StanzaErrorType.Cancel),
        ("feature-not-implemented", StanzaErrorCondition.FeatureNotImplemented, StanzaErrorType.Cancel),
        ("forbidden", StanzaErrorCondition.Forbidden, StanzaErrorType.Auth),
        ("gone", StanzaErrorCondition.Gone, StanzaErrorType.Cancel),
        ("internal-server-error", StanzaErrorCondition.InternalServerError, StanzaErrorType.Cancel),
        ("item-not-found", StanzaErrorCondition.ItemNotFound, StanzaErrorType.Cancel),
        ("jid-malformed", StanzaErrorCondition.JidMalformed, StanzaErrorType.Modify),
        ("not-acceptable", StanzaErrorCondition.NotAcceptable, StanzaErrorType.Modify),
        ("not-allowed", StanzaErrorCondition.NotAllowed, StanzaErrorType.Cancel),
        ("not-authorized", StanzaErrorCondition.NotAuthorized, StanzaErrorType.Auth),
        ("policy-violation", StanzaErrorCondition.PolicyViolation, StanzaErrorType.Modify),
        ("recipient-unavailable", StanzaErrorCondition.RecipientUnavailable, StanzaErrorType.Wait),
        ("redirect", StanzaErrorCondition.Redirect, StanzaErrorType.Modify),
        ("registration-required", StanzaErrorCondition.RegistrationRequired, StanzaErrorType.Auth),
        ("remote-server-not-found", StanzaErrorCondition.RemoteServerNotFound, StanzaErrorType.Cancel),
        ("remote-server-timeout", StanzaErrorCondition.RemoteServerTimeout, StanzaErrorType.Wait),
        ("resource-constraint", StanzaErrorCondition.ResourceConstraint, StanzaErrorType.Wait),
        ("service-unavailable", StanzaErrorCondition.ServiceUnavailable, StanzaErrorType.Cancel),
        ("subscription-required", StanzaErrorCondition.SubscriptionRequired, StanzaErrorType.Auth),
        ("undefined-condition", StanzaErrorCondition.UndefinedCondition, StanzaErrorType.Cancel),
        ("unexpected-request", StanzaErrorCondition.UnexpectedRequest, StanzaErrorType.Wait),
    ];

    private static readonly FrozenDictionary<string, StanzaErrorCondition> ByName =
        Table.ToFrozenDictionary(row => row.Name, row => row.Condition, StringComparer.Ordinal);

    private static readonly FrozenDictionary<StanzaErrorCondition, (string Name, StanzaErrorType Type)> ByCondition =
        Table.ToFrozenDictionary(row => row.Condition, row => (row.Name, row.Type));

    public static StanzaErrorCondition FromElementName(string name) =>
        ByName.TryGetValue(name, out var condition) ? condition : StanzaErrorCondition.Unknown;

    public static string ToElementName(StanzaErrorCondition condition) =>
        ByCondition.TryGetValue(condition, out var row) ? row.Name : "undefined-condition";

    public static StanzaErrorType DefaultType(StanzaErrorCondition condition) =>
        ByCondition.TryGetValue(condition, out var row) ? row.Type : StanzaErrorType.Cancel;

    public static string ToAttribute(StanzaErrorType type) => type switch
    {
        StanzaErrorType.Continue => "continue",
        StanzaErrorType.Modify => "modify",
        StanzaErrorType.Auth => "auth",
        StanzaErrorType.Wait => "wait",
        _ => "cancel",
    };

    public static StanzaErrorType FromAttribute(string? type) => type switch
    {
        "continue" => StanzaErrorType.Continue,
        "modify" => StanzaErrorType.Modify,
        "auth" => StanzaErrorType.Auth,
        "wait" => StanzaErrorType.Wait,
        _ => StanzaErrorType.Cancel,
    };
}
