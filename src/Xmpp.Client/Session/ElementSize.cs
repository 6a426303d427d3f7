using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>The approximate size of an element as XML text (names, attributes, text and a little markup each).</summary>
internal static class ElementSize
{
    // "<" ">" "</" ">" around a name, or " " "='" "'" around an attribute: a few characters each.
    private const int Markup = 5;

    public static long Approximate(XmppElement root)
    {
        long size = 0;
        var pending = new Stack<XmppElement>();
        pending.Push(root);
        while (pending.TryPop(out var element))
        {
            size += Markup + (2L * element.Name.Length);
            foreach (var attribute in element.Attributes)
            {
                size += Markup + attribute.Name.Length + attribute.Value.Length;
            }

            foreach (var child in element.Children)
            {
                if (child is XmppElement inner)
                {
                    pending.Push(inner);
                }
                else if (child is XmppText text)
                {
                    size += text.Value.Length;
                }
            }
        }

        return size;
    }
}
