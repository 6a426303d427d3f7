namespace Xmpp.Client;

/// <summary>How <see cref="XmppClient.SendAsync(Stanzas.Stanza, XmppSendOptions, CancellationToken)"/> sends one stanza.</summary>
public sealed record XmppSendOptions
{
    /// <summary>The default: the extensions decorate the stanza.</summary>
    public static XmppSendOptions Default { get; } = new();

    /// <summary>The stanza goes out as given: no extension adds anything to it (they still see it go).</summary>
    public static XmppSendOptions Undecorated { get; } = new() { Decorate = false };

    /// <summary>
    /// Whether the extensions may add their payloads (receipt request, chat state, origin-id, capabilities …).
    /// <see langword="true"/> by default.
    /// </summary>
    public bool Decorate { get; init; } = true;
}
