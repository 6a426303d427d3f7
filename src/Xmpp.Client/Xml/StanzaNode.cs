namespace Xmpp.Client.Xml;

/// <summary>What a <see cref="StanzaNode"/> is.</summary>
internal enum StanzaNodeKind : byte
{
    Element = 1,
    Attribute = 2,
    Text = 3,
}

/// <summary>
/// One node of a <see cref="ParsedStanza"/>, in document order: an element, then its attributes, then its children
/// (each element followed by its own attributes and children), then the element's next sibling. Only numbers, no
/// references, so that a table of them costs the garbage collector nothing to scan or copy.
/// </summary>
/// <param name="Kind">Element, attribute or text.</param>
/// <param name="Ascii">For an attribute or text: its bytes are all ASCII (its string needs only widening).</param>
/// <param name="Name">Element or attribute: the local name, as an index into <see cref="ParsedStanza.Strings"/>.</param>
/// <param name="Namespace">Element or attribute: the namespace name, as an index into <see cref="ParsedStanza.Strings"/>.</param>
/// <param name="A">Element: the index of the node after its last descendant. Attribute or text: where its UTF-8 starts in <see cref="ParsedStanza.Utf8"/>.</param>
/// <param name="B">Element: how many attributes follow it. Attribute or text: the length of its UTF-8.</param>
internal readonly record struct StanzaNode(StanzaNodeKind Kind, bool Ascii, int Name, int Namespace, int A, int B)
{
    /// <summary>Element: the index of the node after its last descendant.</summary>
    public int End => A;

    /// <summary>Element: how many attribute nodes follow it.</summary>
    public int AttributeCount => B;
}
