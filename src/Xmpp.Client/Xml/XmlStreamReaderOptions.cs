namespace Xmpp.Client.Xml;

/// <summary>
/// Limits and restrictions of an <see cref="XmlStreamReader"/>. The defaults are safe for a client on the open
/// Internet: a peer that breaks one gets an <see cref="XmppXmlException"/> (and, from the session, a stream error),
/// never unbounded memory use.
/// </summary>
internal sealed class XmlStreamReaderOptions
{
    /// <summary>The default of <see cref="MaxElementBytes"/>: 4 MiB.</summary>
    public const int DefaultMaxElementBytes = 4 * 1024 * 1024;

    /// <summary>The default of <see cref="MaxDepth"/>: 64.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default of <see cref="MaxAttributes"/>: 128.</summary>
    public const int DefaultMaxAttributes = 128;

    /// <summary>The options every reader uses unless given others.</summary>
    public static XmlStreamReaderOptions Default { get; } = new();

    /// <summary>
    /// The largest top-level element (stanza or stream-level element) in bytes on the wire, from its <c>&lt;</c> to its
    /// last <c>&gt;</c>; the stream header with anything before it is held to the same bound. Larger → policy-violation.
    /// </summary>
    /// <remarks>
    /// Servers bound what clients send (Prosody's c2s default is 256 KiB, ejabberd's <c>max_stanza_size</c> 65536), but
    /// what a server sends a client can be far larger: a roster result carries every contact in one stanza
    /// (~150–200 bytes each, so 20,000 contacts ≈ 4 MB), and vCard or avatar payloads carry base64 images of hundreds
    /// of KiB. 4 MiB admits all of these with room to spare while capping the memory one connection can be made to
    /// hold for a single stanza (the parsed tree is at most a small multiple of its size). MAM and pubsub results
    /// arrive one item per stanza, so they do not need more.
    /// </remarks>
    public int MaxElementBytes { get; init; } = DefaultMaxElementBytes;

    /// <summary>
    /// The deepest nesting of elements, counting a stanza as depth 1 (the stream element is not counted). Deeper →
    /// policy-violation. The parser keeps an explicit stack, so depth never costs call stack.
    /// </summary>
    /// <remarks>
    /// The deepest common XMPP payloads (a MAM result wrapping a forwarded message with XHTML-IM, or pubsub items
    /// carrying Atom) stay under 20 levels; 64 leaves wide room while bounding the per-level state.
    /// </remarks>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>The most attributes (namespace declarations included) one start tag may have. More → policy-violation.</summary>
    /// <remarks>XMPP elements carry a handful; the bound keeps the duplicate-attribute check cheap.</remarks>
    public int MaxAttributes { get; init; } = DefaultMaxAttributes;

    /// <summary>
    /// Whether comments are skipped instead of rejected. <see langword="false"/> (the default) follows RFC 6120 §11.1:
    /// a comment is a restricted-xml stream error.
    /// </summary>
    public bool AllowComments { get; init; }

    /// <summary>
    /// Whether processing instructions (other than the XML declaration, which is always accepted at the start of a
    /// stream) are skipped instead of rejected. <see langword="false"/> (the default) follows RFC 6120 §11.1.
    /// </summary>
    /// <remarks>
    /// Document type declarations and entity references other than the five predefined ones are always rejected
    /// (restricted-xml): allowing them would let a peer define entities that expand without bound.
    /// </remarks>
    public bool AllowProcessingInstructions { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxElementBytes, 64, nameof(MaxElementBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, 10_000, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttributes, 1, nameof(MaxAttributes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxAttributes, 10_000, nameof(MaxAttributes));
    }
}
