namespace Xmpp.Client.Xml;

internal sealed partial class XmppElement
{
    /// <summary>Removes every child node that matches; returns how many were removed. Removed nodes have no parent.</summary>
    /// <param name="match">Which children to remove.</param>
    public int RemoveAll(Predicate<XmppNode> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (_children is null)
        {
            return 0;
        }

        return _children.RemoveAll(child =>
        {
            if (!match(child))
            {
                return false;
            }

            child.Parent = null;
            return true;
        });
    }
}
