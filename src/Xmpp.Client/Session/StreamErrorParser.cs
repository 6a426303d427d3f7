using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>Reads a <c>&lt;stream:error/&gt;</c> element (RFC 6120 §4.9) into an exception.</summary>
internal static class StreamErrorParser
{
    public static XmppStreamErrorException Parse(XmppElement error)
    {
        var condition = StreamErrorCondition.UndefinedCondition;
        string? text = null;
        string? otherHost = null;
        foreach (var child in error.Elements())
        {
            if (child.Namespace != Namespaces.StreamErrors)
            {
                continue;
            }

            if (child.Name == "text")
            {
                text = child.Value;
            }
            else
            {
                condition = StreamErrorConditions.FromElementName(child.Name);
                if (condition == StreamErrorCondition.SeeOtherHost)
                {
                    otherHost = child.Value.Trim();
                }
            }
        }

        return new XmppStreamErrorException(condition, text, sentByClient: false, otherHost);
    }
}
