namespace Xmpp.Client.Xml;

/// <summary>Character data inside an element: text, character references and CDATA sections, already decoded.</summary>
internal sealed class XmppText : XmppNode
{
    /// <summary>Creates a text node.</summary>
    /// <param name="value">The characters; the writer escapes them.</param>
    public XmppText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The decoded characters (line ends normalised to <c>\n</c> as XML requires).</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
