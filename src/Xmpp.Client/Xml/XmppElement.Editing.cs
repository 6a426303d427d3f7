namespace Xmpp.Client.Xml;

internal sealed partial class XmppElement
{
    /// <summary>Removes every child node that matches; returns how many were removed. Removed nodes have no parent.</summary>
    /// <param name="match">Which children to remove.</param>
    public int RemoveAll(Predicate<XmppNode> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        Load();
        MaterializeText();
        var kept = 0;
        for (var i = 0; i < _childCount; i++)
        {
            var child = _children![i];
            if (match(child))
            {
                child.Parent = null;
            }
            else
            {
                _children[kept++] = child;
            }
        }

        var removed = _childCount - kept;
        if (removed > 0)
        {
            Array.Clear(_children!, kept, removed);
            _childCount = kept;
        }

        return removed;
    }
}
