namespace Xmpp.Client.Xml;

/// <summary>A node of a parsed or built element tree: an <see cref="XmppElement"/> or an <see cref="XmppText"/>.</summary>
/// <remarks>A node belongs to at most one parent; adding it to a second one throws, so a tree never has a cycle.</remarks>
internal abstract class XmppNode
{
    private protected XmppNode()
    {
    }

    /// <summary>The element this node is a child of, or <see langword="null"/> for a root.</summary>
    public XmppElement? Parent { get; internal set; }
}
