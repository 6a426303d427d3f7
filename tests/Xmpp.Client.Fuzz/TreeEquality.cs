using Xmpp.Client.Xml;

namespace Xmpp.Client.Fuzz;

/// <summary>Structural equality of two trees; adjacent text nodes count as one (the reader merges them).</summary>
internal static class TreeEquality
{
    public static bool Equal(XmppElement a, XmppElement b)
    {
        var pending = new Stack<(XmppElement, XmppElement)>();
        pending.Push((a, b));
        while (pending.Count > 0)
        {
            (XmppElement x, XmppElement y) = pending.Pop();
            if (x.Name != y.Name || x.Namespace != y.Namespace || !x.Attributes.SequenceEqual(y.Attributes))
            {
                return false;
            }

            List<object> xs = Merged(x), ys = Merged(y);
            if (xs.Count != ys.Count)
            {
                return false;
            }

            for (int i = 0; i < xs.Count; i++)
            {
                if (xs[i] is string text ? !text.Equals(ys[i]) : ys[i] is not XmppElement)
                {
                    return false;
                }

                if (xs[i] is XmppElement child)
                {
                    pending.Push((child, (XmppElement)ys[i]));
                }
            }
        }

        return true;
    }

    private static List<object> Merged(XmppElement e)
    {
        var nodes = new List<object>();
        foreach (XmppNode node in e.Children)
        {
            if (node is XmppText t)
            {
                if (nodes.Count > 0 && nodes[^1] is string previous)
                {
                    nodes[^1] = previous + t.Value;
                }
                else if (t.Value.Length > 0)
                {
                    nodes.Add(t.Value);
                }
            }
            else
            {
                nodes.Add(node);
            }
        }

        return nodes;
    }
}
