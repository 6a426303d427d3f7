namespace Xmpp.Client;

public sealed partial record XmppClientOptions
{
    /// <summary>
    /// Opens the connection instead of TCP with DNS SRV discovery: for test servers and custom transports (see
    /// <see cref="XmppConnectionFactory"/>). <see langword="null"/> (the default) connects over TCP.
    /// </summary>
    public XmppConnectionFactory? ConnectionFactory { get; init; }
}
