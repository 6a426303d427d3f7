namespace Xmpp.Client;

/// <summary>
/// Checks <see cref="XmppClientOptions"/> once, in the client's constructor: every setting of every options file,
/// each refusal an <see cref="ArgumentException"/> (<see cref="ArgumentOutOfRangeException"/> for a value out of range)
/// whose <see cref="ArgumentException.ParamName"/> is the setting and whose message says what is allowed.
/// </summary>
internal static partial class OptionsValidator
{
    public static void Validate(XmppClientOptions options)
    {
        ValidateAccount(options);
        ValidateConnection(options);
        ValidateLimits(options);
        ValidateResilience(options);
        ValidateSoftware(options);
    }

    private static void ValidateAccount(XmppClientOptions options)
    {
        if (string.IsNullOrEmpty(options.Jid.Domain))
        {
            throw Invalid(nameof(options.Jid), "must be set to the account's JID, such as 'bot@example.com'.");
        }

        if (options.Jid.Local is not null && options.Password is null)
        {
            throw Invalid(nameof(options.Password), $"is required to log in as '{options.Jid.Bare}'.");
        }

        if (options.Resource is { Length: 0 })
        {
            throw Invalid(nameof(options.Resource), "must not be empty; use null to let the server choose.");
        }

        if (options.SaslMechanisms is { } mechanisms && (mechanisms.Count == 0 || mechanisms.Any(string.IsNullOrEmpty)))
        {
            throw Invalid(nameof(options.SaslMechanisms), "must name at least one mechanism and no empty one, or be null for all.");
        }
    }

    private static void ValidateConnection(XmppClientOptions options)
    {
        if (options.Host is not null && string.IsNullOrWhiteSpace(options.Host))
        {
            throw Invalid(nameof(options.Host), "must be a host name or address, or null to find the server through DNS.");
        }

        if (options.Port is < 1 or > 65535)
        {
            throw OutOfRange(nameof(options.Port), options.Port, "must be between 1 and 65535.");
        }

        if (options.Port is not null && options.Host is null)
        {
            throw Invalid(nameof(options.Port), "needs XmppClientOptions.Host (a port alone would bypass DNS for an unknown host).");
        }

        if (options.DnsServers is { } servers && (servers.Count == 0 || servers.Any(server => server is null)))
        {
            throw Invalid(nameof(options.DnsServers), "must list at least one server and no null entry, or be null for the system's.");
        }

        if (!Enum.IsDefined(options.TlsMode))
        {
            throw OutOfRange(nameof(options.TlsMode), options.TlsMode, "must be one of the TlsMode values.");
        }

        Timeout(options.ConnectTimeout, nameof(options.ConnectTimeout));
        Timeout(options.NegotiationTimeout, nameof(options.NegotiationTimeout));
    }

    private static void ValidateLimits(XmppClientOptions options)
    {
        AtLeast(options.MaxStanzaBytes, 4096, nameof(options.MaxStanzaBytes));
        Timeout(options.IqTimeout, nameof(options.IqTimeout));
        AtLeast(options.MaxPendingIqs, 1, nameof(options.MaxPendingIqs));
        AtLeast(options.MaxQueuedEvents, 1, nameof(options.MaxQueuedEvents));
        AtLeast(options.MaxTrackedResources, 1, nameof(options.MaxTrackedResources));
        AtLeast(options.MaxTrackedResourcesPerContact, 1, nameof(options.MaxTrackedResourcesPerContact));
        if (options.MaxConcurrentEventHandlers is < 1 or > XmppClientOptions.MaxEventHandlersLimit)
        {
            throw OutOfRange(nameof(options.MaxConcurrentEventHandlers), options.MaxConcurrentEventHandlers,
                $"must be between 1 (events one at a time, in stream order) and {XmppClientOptions.MaxEventHandlersLimit}.");
        }

        if (options.MaxQueuedEventBytes < XmppClientOptions.MinQueuedEventBytes)
        {
            throw OutOfRange(nameof(options.MaxQueuedEventBytes), options.MaxQueuedEventBytes,
                $"must be at least {XmppClientOptions.MinQueuedEventBytes} (64 KiB).");
        }
        if (options.Extensions is null)
        {
            throw Invalid(nameof(options.Extensions), "must not be null; use XmppExtensionSet.Empty for none.");
        }
    }

    private static void ValidateSoftware(XmppClientOptions options)
    {
        NotEmpty(options.SoftwareName, nameof(options.SoftwareName));
        NotEmpty(options.SoftwareVersion, nameof(options.SoftwareVersion));
        NotEmpty(options.ClientType, nameof(options.ClientType));
        // Both go into this client's entity capabilities hash (XEP-0115 §5.1), where '<' and, in the identity's
        // type, '/' are separators: other clients (this one included) refuse such an answer as ambiguous.
        if (options.SoftwareName.Contains('<', StringComparison.Ordinal))
        {
            throw Invalid(nameof(options.SoftwareName), "must not contain '<' (it separates the fields of the entity capabilities hash).");
        }

        if (options.ClientType.AsSpan().IndexOfAny('<', '/') >= 0)
        {
            throw Invalid(nameof(options.ClientType), "must not contain '<' or '/' (they separate the fields of the entity capabilities hash).");
        }
        NotEmpty(options.CapsNode, nameof(options.CapsNode));
    }
}
