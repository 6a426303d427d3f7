namespace Xmpp.Client;

/// <summary>Checks <see cref="XmppClientOptions"/> once, in the client's constructor, with messages that name the setting.</summary>
internal static class OptionsValidator
{
    public static void Validate(XmppClientOptions options)
    {
        if (string.IsNullOrEmpty(options.Jid.Domain))
        {
            throw new ArgumentException("XmppClientOptions.Jid must be set to the account's JID, such as 'bot@example.com'.", nameof(options));
        }

        if (options.Jid.Local is not null && options.Password is null)
        {
            throw new ArgumentException($"XmppClientOptions.Password is required to log in as '{options.Jid.Bare}'.", nameof(options));
        }

        if (options.Port is < 1 or > 65535)
        {
            throw new ArgumentException($"XmppClientOptions.Port must be between 1 and 65535, not {options.Port}.", nameof(options));
        }

        if (options.Port is not null && options.Host is null)
        {
            throw new ArgumentException("XmppClientOptions.Port needs XmppClientOptions.Host (a port alone would bypass DNS for an unknown host).", nameof(options));
        }

        if (options.Resource is { Length: 0 })
        {
            throw new ArgumentException("XmppClientOptions.Resource must not be empty; use null to let the server choose.", nameof(options));
        }

        Positive(options.ConnectTimeout, nameof(options.ConnectTimeout));
        Positive(options.NegotiationTimeout, nameof(options.NegotiationTimeout));
        Positive(options.IqTimeout, nameof(options.IqTimeout));
        if (options.MaxStanzaBytes < 4096)
        {
            throw new ArgumentException("XmppClientOptions.MaxStanzaBytes must be at least 4096.", nameof(options));
        }

        if (options.MaxPendingIqs < 1 || options.MaxQueuedEvents < 1)
        {
            throw new ArgumentException("XmppClientOptions.MaxPendingIqs and MaxQueuedEvents must be at least 1.", nameof(options));
        }

        if (options.MaxConcurrentEventHandlers is < 1 or > XmppClientOptions.MaxEventHandlersLimit)
        {
            throw new ArgumentException(
                $"XmppClientOptions.MaxConcurrentEventHandlers must be between 1 (events one at a time, in stream order) and {XmppClientOptions.MaxEventHandlersLimit}, not {options.MaxConcurrentEventHandlers}.",
                nameof(options));
        }

        if (options.MaxQueuedEventBytes < XmppClientOptions.MinQueuedEventBytes)
        {
            throw new ArgumentException(
                $"XmppClientOptions.MaxQueuedEventBytes must be at least {XmppClientOptions.MinQueuedEventBytes} (64 KiB), not {options.MaxQueuedEventBytes}.",
                nameof(options));
        }

        if (options.SaslMechanisms is { Count: 0 })
        {
            throw new ArgumentException("XmppClientOptions.SaslMechanisms must name at least one mechanism, or be null for all.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.SoftwareName) || string.IsNullOrEmpty(options.SoftwareVersion)
            || string.IsNullOrEmpty(options.ClientType) || string.IsNullOrEmpty(options.CapsNode))
        {
            throw new ArgumentException("XmppClientOptions.SoftwareName, SoftwareVersion, ClientType and CapsNode must not be empty.", nameof(options));
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"XmppClientOptions.{name} must be positive (or Timeout.InfiniteTimeSpan).", name);
        }
    }
}
