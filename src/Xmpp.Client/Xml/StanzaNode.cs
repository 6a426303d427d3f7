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
/// references, so that a table of them costs the garbage collector nothing to scan or copy; 16 bytes.
/// </summary>
internal readonly struct StanzaNode
{
    private const int AsciiFlag = 1 << 2;
    private const int KindMask = 3;
    private const int NameShift = 3;

    private readonly int _header; // kind, ASCII flag and name number
    private readonly int _namespace;
    private readonly int _a;
    private readonly int _b;

    /// <param name="kind">Element, attribute or text.</param>
    /// <param name="ascii">For an attribute or text: its bytes are all ASCII (its string needs only widening).</param>
    /// <param name="name">Element or attribute: the local name, as an index into <see cref="ParsedStanza.Strings"/> (below 2^28).</param>
    /// <param name="ns">Element or attribute: the namespace name, as an index into <see cref="ParsedStanza.Strings"/>.</param>
    /// <param name="a">See <see cref="A"/>.</param>
    /// <param name="b">See <see cref="B"/>.</param>
    public StanzaNode(StanzaNodeKind kind, bool ascii, int name, int ns, int a, int b)
    {
        _header = (int)kind | (ascii ? AsciiFlag : 0) | (name << NameShift);
        _namespace = ns;
        _a = a;
        _b = b;
    }

    public StanzaNodeKind Kind => (StanzaNodeKind)(_header & KindMask);

    /// <summary>For an attribute or text: its bytes are all ASCII.</summary>
    public bool Ascii => (_header & AsciiFlag) != 0;

    /// <summary>Element or attribute: the local name's number.</summary>
    public int Name => (int)((uint)_header >> NameShift);

    /// <summary>Element or attribute: the namespace name's number.</summary>
    public int Namespace => _namespace;

    /// <summary>Element: the index of the node after its last descendant. Attribute or text: where its UTF-8 starts in <see cref="ParsedStanza.Utf8"/>.</summary>
    public int A => _a;

    /// <summary>Element: how many attributes follow it. Attribute or text: the length of its UTF-8.</summary>
    public int B => _b;

    /// <summary>Element: the index of the node after its last descendant.</summary>
    public int End => _a;

    /// <summary>Element: how many attribute nodes follow it.</summary>
    public int AttributeCount => _b;

    /// <summary>Element: this node with its end set.</summary>
    public StanzaNode WithEnd(int end) => new(Kind, Ascii, Name, _namespace, end, _b);
}
