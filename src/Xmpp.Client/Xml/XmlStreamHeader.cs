namespace Xmpp.Client.Xml;

/// <summary>
/// The opening <c>&lt;stream:stream&gt;</c> tag of an XML stream (RFC 6120 §4.7): its attributes and the namespaces it
/// declares. The reader returns one; the writer writes one.
/// </summary>
internal sealed record XmlStreamHeader
{
    /// <summary>The 'from' attribute, or <see langword="null"/>.</summary>
    public string? From { get; init; }

    /// <summary>The 'to' attribute, or <see langword="null"/>.</summary>
    public string? To { get; init; }

    /// <summary>The stream id the receiving entity assigned, or <see langword="null"/>.</summary>
    public string? Id { get; init; }

    /// <summary>The 'version' attribute (<c>"1.0"</c> for RFC 6120), or <see langword="null"/>.</summary>
    public string? Version { get; init; }

    /// <summary>The 'xml:lang' attribute: the default language of the stream, or <see langword="null"/>.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The default namespace the header declares: the content namespace of the stream's children
    /// (<c>jabber:client</c> or <c>jabber:server</c>). <c>""</c> when the header declares none. The reader does not check
    /// it against an expected value; the session does.
    /// </summary>
    public string DefaultNamespace { get; init; } = XmlNamespaces.Client;

    /// <summary>The prefix bound to <see cref="XmlNamespaces.Streams"/> and used for the stream element (<c>stream</c>).</summary>
    public string StreamPrefix { get; init; } = "stream";

    /// <summary>
    /// Every namespace the header declares, prefix to namespace name; the default namespace has the key <c>""</c>.
    /// When writing, entries other than the default and the stream prefix are declared as well.
    /// </summary>
    public IReadOnlyDictionary<string, string> Namespaces { get; init; } = new Dictionary<string, string>();
}
