namespace Xmpp.Client.Sasl;

/// <summary>
/// Chooses the SASL mechanism for a login from what the server offers, what the user allows and what the TLS
/// connection can supply.
/// </summary>
/// <remarks>
/// <para>Order: the user's list when given (its order is the preference), else <see cref="DefaultOrder"/>: SCRAM-SHA-512-PLUS,
/// SCRAM-SHA-256-PLUS, SCRAM-SHA-1-PLUS, SCRAM-SHA-512, SCRAM-SHA-256, SCRAM-SHA-1, PLAIN. The first mechanism the
/// server offers and that can be used wins. ANONYMOUS is used only for an account without a user name (a JID with
/// no local part), or when the user lists it explicitly.</para>
/// <para>PLAIN is used only on an encrypted connection, unless the user opted out.</para>
/// <para><c>-PLUS</c> needs a channel binding type both sides accept: one from the server's XEP-0440
/// <c>&lt;sasl-channel-binding/&gt;</c> list when it sent one, else <c>tls-unique</c> or <c>tls-exporter</c>, the
/// defaults of RFC 5802 §6 and RFC 9266. Among several, tls-exporter beats tls-unique beats tls-server-end-point.</para>
/// <para>The gs2 flag of a plain SCRAM mechanism follows RFC 5802 §6: <c>n</c> when the server offers any <c>-PLUS</c>
/// mechanism (it supports binding, but no type both sides accept exists or the user did not allow it; <c>y</c> would
/// make such a server abort), <c>y</c> when the server offers none but this connection could bind (so a server that
/// does support binding sees that its offer was stripped and aborts), <c>n</c> when this connection cannot bind.</para>
/// </remarks>
internal static class SaslMechanismSelector
{
    /// <summary>The mechanisms tried, strongest first, when the user does not give a list.</summary>
    public static IReadOnlyList<string> DefaultOrder { get; } =
    [
        "SCRAM-SHA-512-PLUS", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN",
    ];

    /// <summary>Every mechanism name this library implements (to validate a user's list).</summary>
    public static IReadOnlyList<string> Supported { get; } = [.. DefaultOrder, "ANONYMOUS"];

    /// <summary>Chooses and creates the mechanism for one login.</summary>
    /// <param name="offered">The server's <c>&lt;mechanisms/&gt;</c>.</param>
    /// <param name="username">The user name (the JID's local part), or <see langword="null"/> for an anonymous login.</param>
    /// <param name="password">The password, or <see langword="null"/> when there is none.</param>
    /// <param name="allowed">The user's mechanisms in order of preference, or <see langword="null"/> for <see cref="DefaultOrder"/>.
    /// Names this library does not implement are skipped.</param>
    /// <param name="channelBindings">The bindings this TLS connection can supply (empty without TLS), see <see cref="TlsChannelBinding"/>.</param>
    /// <param name="serverBindingTypes">The types in the server's XEP-0440 <c>&lt;sasl-channel-binding/&gt;</c>, or
    /// <see langword="null"/> when the server did not send that element.</param>
    /// <param name="isEncrypted">Whether the connection is encrypted with TLS.</param>
    /// <param name="allowPlainWithoutTls">Whether the user allowed PLAIN on an unencrypted connection.</param>
    /// <returns>A fresh mechanism for this login.</returns>
    /// <exception cref="XmppAuthenticationException">No mechanism is acceptable
    /// (<see cref="SaslFailureCondition.NoAcceptableMechanism"/>); the message lists both sides and why.</exception>
    /// <exception cref="ArgumentException">The user name or password cannot be prepared with SASLprep.</exception>
    public static SaslMechanism Select(
        IReadOnlyCollection<string> offered,
        string? username,
        string? password,
        IReadOnlyList<string>? allowed,
        IReadOnlyList<ChannelBindingData> channelBindings,
        IReadOnlyCollection<string>? serverBindingTypes,
        bool isEncrypted,
        bool allowPlainWithoutTls)
    {
        IReadOnlyList<string> order = username is not null
            ? allowed ?? DefaultOrder
            : allowed is null || allowed.Contains("ANONYMOUS", StringComparer.OrdinalIgnoreCase) ? ["ANONYMOUS"] : [];
        bool serverSupportsBinding = offered.Any(IsPlus);
        var reasons = new List<string>();
        foreach (string entry in order)
        {
            string name = entry.ToUpperInvariant();
            if (!offered.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            SaslMechanism? mechanism = name switch
            {
                "ANONYMOUS" => new AnonymousMechanism(),
                "PLAIN" => CreatePlain(username, password, isEncrypted, allowPlainWithoutTls, reasons),
                _ => CreateScram(name, username, password, channelBindings, serverBindingTypes, serverSupportsBinding, reasons),
            };
            if (mechanism is not null)
            {
                return mechanism;
            }
        }

        if (username is null && order.Count == 0)
        {
            reasons.Add("The account has no user name, so only ANONYMOUS could be used, and it is not allowed.");
        }

        throw SaslErrors.NoAcceptableMechanism(offered, order, reasons);
    }

    private static bool IsPlus(string name) =>
        name.StartsWith("SCRAM-", StringComparison.OrdinalIgnoreCase) && name.EndsWith("-PLUS", StringComparison.OrdinalIgnoreCase);

    private static PlainMechanism? CreatePlain(string? username, string? password, bool isEncrypted, bool allowPlainWithoutTls, List<string> reasons)
    {
        if (username is null || password is null)
        {
            reasons.Add("PLAIN needs a user name and a password.");
            return null;
        }

        if (!isEncrypted && !allowPlainWithoutTls)
        {
            reasons.Add("PLAIN was not used because the connection is not encrypted and PLAIN would send the password in the clear.");
            return null;
        }

        return new PlainMechanism(username, password);
    }

    private static ScramMechanism? CreateScram(
        string name,
        string? username,
        string? password,
        IReadOnlyList<ChannelBindingData> channelBindings,
        IReadOnlyCollection<string>? serverBindingTypes,
        bool serverSupportsBinding,
        List<string> reasons)
    {
        bool plus = name.EndsWith("-PLUS", StringComparison.Ordinal);
        ScramAlgorithm? algorithm = (plus ? name[..^5] : name) switch
        {
            "SCRAM-SHA-1" => ScramAlgorithm.Sha1,
            "SCRAM-SHA-256" => ScramAlgorithm.Sha256,
            "SCRAM-SHA-512" => ScramAlgorithm.Sha512,
            _ => null,
        };
        if (algorithm is null)
        {
            return null;
        }

        if (username is null || password is null)
        {
            reasons.Add($"{name} needs a user name and a password.");
            return null;
        }

        if (!plus)
        {
            bool clientSupportsBinding = channelBindings.Count > 0 && !serverSupportsBinding;
            return new ScramMechanism(algorithm, username, password, authorizationId: null, binding: null, clientSupportsBinding);
        }

        ChannelBindingData? binding = PickBinding(channelBindings, serverBindingTypes);
        if (binding is null)
        {
            reasons.Add(channelBindings.Count == 0
                ? $"{name} was not used because this connection cannot supply a channel binding."
                : $"{name} was not used because the server accepts none of the channel-binding types this connection can supply "
                  + $"({string.Join(", ", channelBindings.Select(b => b.Type))}); the server accepts: "
                  + (serverBindingTypes is null ? "not announced (tls-unique or tls-exporter assumed)" : string.Join(", ", serverBindingTypes)) + ".");
            return null;
        }

        return new ScramMechanism(algorithm, username, password, authorizationId: null, binding, clientSupportsBinding: true);
    }

    private static ChannelBindingData? PickBinding(IReadOnlyList<ChannelBindingData> available, IReadOnlyCollection<string>? serverTypes) =>
        available
            .Where(b => serverTypes is null
                ? b.Type is ChannelBindingData.TlsUnique or ChannelBindingData.TlsExporter
                : serverTypes.Contains(b.Type, StringComparer.Ordinal))
            .OrderBy(b => b.Rank)
            .FirstOrDefault();
}
