namespace Xmpp.Client.Xml;

/// <summary>What <see cref="XmlStreamReader.ReadAsync"/> read: an element, a skipped element, or (neither) the stream's end.</summary>
/// <param name="Element">The next top-level element.</param>
/// <param name="Skipped">What was read of a top-level element skipped for breaking a limit.</param>
internal readonly record struct StreamItem(XmppElement? Element, SkippedElement? Skipped)
{
    /// <summary>Whether the peer closed the stream (<c>&lt;/stream:stream&gt;</c>).</summary>
    public bool IsEnd => Element is null && Skipped is null;
}
