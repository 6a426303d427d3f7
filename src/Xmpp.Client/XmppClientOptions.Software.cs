using System.Reflection;

namespace Xmpp.Client;

// How the client describes itself to others: service discovery, entity capabilities, software version.
public sealed partial record XmppClientOptions
{
    /// <summary>The default <see cref="CapsNode"/>: the library's home page.</summary>
    internal const string DefaultCapsNode = "https://github.com/xmpp-client/Xmpp.Client";

    /// <summary>
    /// The software's name: the name of the client's service discovery identity (XEP-0030) and the name in software
    /// version answers (XEP-0092). <c>Xmpp.Client</c> by default.
    /// </summary>
    public string SoftwareName { get; init; } = "Xmpp.Client";

    /// <summary>The version in software version answers (XEP-0092); the library's informational version by default.</summary>
    public string SoftwareVersion { get; init; } = LibraryVersion;

    /// <summary>
    /// Whether software version answers (XEP-0092) name the operating system. <see langword="false"/> by default:
    /// the operating system helps attackers more than it helps contacts.
    /// </summary>
    public bool AnnounceOperatingSystem { get; init; }

    /// <summary>
    /// The type of the client's service discovery identity, in category <c>client</c> (the XMPP registry lists
    /// <c>bot</c>, <c>console</c>, <c>game</c>, <c>handheld</c>, <c>pc</c>, <c>phone</c>, <c>sms</c>, <c>tablet</c>,
    /// <c>web</c>). <c>bot</c> by default.
    /// </summary>
    public string ClientType { get; init; } = "bot";

    /// <summary>
    /// The entity capabilities node (XEP-0115): a URI that names the software, sent in every available presence.
    /// The library's home page by default.
    /// </summary>
    public string CapsNode { get; init; } = DefaultCapsNode;

    private static string LibraryVersion { get; } =
        typeof(XmppClientOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(XmppClientOptions).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
