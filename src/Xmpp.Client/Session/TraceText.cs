using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// The text of an element for the Trace log, with secrets removed: the content of SASL elements (a PLAIN response is
/// the password in base64; SCRAM messages allow offline guessing) is replaced by its length.
/// </summary>
internal static class TraceText
{
    public static string Of(XmppElement element)
    {
        try
        {
            return Redacted(element);
        }
        catch (ArgumentException error)
        {
            // Text XML forbids (the writer refuses it with a clear error right after this).
            return $"<{element.Name} xmlns='{element.Namespace}'> [not printable: {error.Message}]";
        }
    }

    private static string Redacted(XmppElement element)
    {
        if (element.Namespace != Namespaces.Sasl || element.Value.Length == 0)
        {
            return element.ToString();
        }

        var redacted = new XmppElement(element.Name, element.Namespace);
        foreach (var attribute in element.Attributes)
        {
            redacted.SetAttribute(attribute.Name, attribute.Value, attribute.Namespace);
        }

        return redacted.AddText($"[{element.Value.Length} characters hidden]").ToString();
    }
}
