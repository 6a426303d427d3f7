using System.Collections.Frozen;

namespace Xmpp.Client;

/// <summary>Maps <see cref="StreamErrorCondition"/> to and from the element names of RFC 6120 §4.9.3.</summary>
internal static class StreamErrorConditions
{
    /// <summary>The namespace of stream error conditions.</summary>
    public const string Namespace = Internal.Namespaces.StreamErrors;

    private static readonly FrozenDictionary<string, StreamErrorCondition> ByName = new Dictionary<string, StreamErrorCondition>
    {
        ["bad-format"] = StreamErrorCondition.BadFormat,
        ["bad-namespace-prefix"] = StreamErrorCondition.BadNamespacePrefix,
        ["conflict"] = StreamErrorCondition.Conflict,
        ["connection-timeout"] = StreamErrorCondition.ConnectionTimeout,
        ["host-gone"] = StreamErrorCondition.HostGone,
        ["host-unknown"] = StreamErrorCondition.HostUnknown,
        ["improper-addressing"] = StreamErrorCondition.ImproperAddressing,
        ["internal-server-error"] = StreamErrorCondition.InternalServerError,
        ["invalid-from"] = StreamErrorCondition.InvalidFrom,
        ["invalid-namespace"] = StreamErrorCondition.InvalidNamespace,
        ["invalid-xml"] = StreamErrorCondition.InvalidXml,
        ["not-authorized"] = StreamErrorCondition.NotAuthorized,
        ["not-well-formed"] = StreamErrorCondition.NotWellFormed,
        ["policy-violation"] = StreamErrorCondition.PolicyViolation,
        ["remote-connection-failed"] = StreamErrorCondition.RemoteConnectionFailed,
        ["reset"] = StreamErrorCondition.Reset,
        ["resource-constraint"] = StreamErrorCondition.ResourceConstraint,
        ["restricted-xml"] = StreamErrorCondition.RestrictedXml,
        ["see-other-host"] = StreamErrorCondition.SeeOtherHost,
        ["system-shutdown"] = StreamErrorCondition.SystemShutdown,
        ["undefined-condition"] = StreamErrorCondition.UndefinedCondition,
        ["unsupported-encoding"] = StreamErrorCondition.UnsupportedEncoding,
        ["unsupported-feature"] = StreamErrorCondition.UnsupportedFeature,
        ["unsupported-stanza-type"] = StreamErrorCondition.UnsupportedStanzaType,
        ["unsupported-version"] = StreamErrorCondition.UnsupportedVersion,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<StreamErrorCondition, string> ByCondition =
        ByName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The condition named by an element of the streams namespace; <see cref="StreamErrorCondition.Unknown"/> if none.</summary>
    public static StreamErrorCondition FromElementName(string name) =>
        ByName.TryGetValue(name, out var condition) ? condition : StreamErrorCondition.Unknown;

    /// <summary>The element name of a condition (<c>undefined-condition</c> for <see cref="StreamErrorCondition.Unknown"/>).</summary>
    public static string ToElementName(StreamErrorCondition condition) =>
        ByCondition.TryGetValue(condition, out var name) ? name : "undefined-condition";
}
