using Xmpp.Client.Xml;

namespace Xmpp.Client.Stanzas;

/// <summary>
/// Deep copies of stanzas: what <see cref="XmppClient.SendAsync(Xmpp.Client.Stanzas.Stanza, CancellationToken)"/> sends and keeps for resending, so that the
/// caller's object is never edited by the client and later edits of it change nothing that was sent.
/// </summary>
internal static class StanzaCopy
{
    /// <summary>A stanza of the same kind over a copy of <paramref name="stanza"/>'s whole tree.</summary>
    public static Stanza Of(Stanza stanza) =>
        StanzaFactory.FromElement(Copy(stanza.Element))
        ?? throw new ArgumentException($"<{stanza.Element.Name}/> in '{stanza.Element.Namespace}' is not a stanza.", nameof(stanza));

    /// <summary>
    /// Copies an element with its attributes and descendants, without recursion (however deep the tree). Text is
    /// shared: strings are immutable.
    /// </summary>
    public static XmppElement Copy(XmppElement source)
    {
        var root = Shallow(source);
        var pending = new Stack<(XmppElement From, XmppElement To)>();
        pending.Push((source, root));
        while (pending.TryPop(out var pair))
        {
            if (pair.From.LoneText is { } text)
            {
                pair.To.AddChild(new XmppText(text));
                continue;
            }

            foreach (var child in pair.From.ChildSpan)
            {
                if (child is XmppElement element)
                {
                    var copy = Shallow(element);
                    pair.To.AddChild(copy);
                    pending.Push((element, copy));
                }
                else
                {
                    pair.To.AddChild(new XmppText(((XmppText)child).Value));
                }
            }
        }

        return root;
    }

    private static XmppElement Shallow(XmppElement source)
    {
        var copy = new XmppElement(source.Name, source.Namespace);
        foreach (var attribute in source.AttributeSpan)
        {
            copy.SetAttribute(attribute.Name, attribute.Value, attribute.Namespace);
        }

        return copy;
    }
}
