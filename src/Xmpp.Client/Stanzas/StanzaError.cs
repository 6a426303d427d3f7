using System.Xml.Linq;
using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Stanzas;

/// <summary>An error carried by a stanza of type <c>error</c> (RFC 6120 §8.3).</summary>
public sealed class StanzaError
{
    /// <summary>Creates an error; the type defaults to the one RFC 6120 §8.3.3 gives for the condition.</summary>
    /// <param name="condition">What went wrong.</param>
    /// <param name="text">Optional human-readable text.</param>
    /// <param name="type">What the sender may do next; <see langword="null"/> for the condition's usual type.</param>
    public StanzaError(StanzaErrorCondition condition, string? text = null, StanzaErrorType? type = null)
    {
        Condition = condition;
        Text = text;
        Type = type ?? StanzaErrorConditions.DefaultType(condition);
    }

    /// <summary>What went wrong.</summary>
    public StanzaErrorCondition Condition { get; }

    /// <summary>The condition's element name as received (useful when <see cref="Condition"/> is <see cref="StanzaErrorCondition.Unknown"/>).</summary>
    public string ConditionName => _conditionName ?? StanzaErrorConditions.ToElementName(Condition);

    /// <summary>What the sender may do next.</summary>
    public StanzaErrorType Type { get; }

    /// <summary>Human-readable text that came with the error, if any.</summary>
    public string? Text { get; }

    /// <summary>The entity that generated the error (the <c>by</c> attribute), if given.</summary>
    public string? By { get; init; }

    /// <summary>
    /// The qualified name of the application-specific condition that came with the error (RFC 6120 §8.3.4), such as
    /// <c>{http://jabber.org/protocol/pubsub#errors}precondition-not-met</c>, or <see langword="null"/> when there was none.
    /// Set it on an error to send, and it is sent as an empty element after the defined condition (such as Jingle's
    /// <c>{urn:xmpp:jingle:errors:1}unknown-session</c>); its namespace must be an application's own, not
    /// <c>jabber:client</c> nor the stanza-error one.
    /// </summary>
    /// <exception cref="ArgumentException">(On setting) a name in no namespace, <c>jabber:client</c> or <c>urn:ietf:params:xml:ns:xmpp-stanzas</c>.</exception>
    public XName? ApplicationCondition
    {
        get => _applicationCondition;
        init
        {
            if (value is not null && value.NamespaceName is "" or Namespaces.Client or Namespaces.Stanzas)
            {
                throw new ArgumentException(
                    $"An application-specific condition needs the application's own namespace, not '{value.NamespaceName}' (RFC 6120 §8.3.4).", nameof(value));
            }

            _applicationCondition = value;
        }
    }

    private readonly XName? _applicationCondition;

    /// <summary>
    /// The application-specific condition element itself (a copy), with its attributes and children, such as
    /// <c>&lt;file-too-large xmlns='urn:xmpp:http:upload:0'&gt;&lt;max-file-size&gt;20000&lt;/max-file-size&gt;&lt;/file-too-large&gt;</c>
    /// (XEP-0363), or <see langword="null"/> when there was none. Its name is <see cref="ApplicationCondition"/>. Not sent:
    /// it is read from received errors only.
    /// </summary>
    public XElement? ApplicationElement { get; private init; }

    private string? _conditionName;

    /// <inheritdoc />
    public override string ToString() =>
        Text is null ? $"{ConditionName} ({StanzaErrorConditions.ToAttribute(Type)})" : $"{ConditionName} ({StanzaErrorConditions.ToAttribute(Type)}): {Text}";

    internal static StanzaError FromElement(XmppElement error)
    {
        var condition = StanzaErrorCondition.UndefinedCondition;
        string? name = null;
        string? text = null;
        XName? application = null;
        XElement? applicationElement = null;
        foreach (var child in error.Elements())
        {
            if (child.Namespace != Namespaces.Stanzas)
            {
                if (application is null && child.Namespace.Length > 0 && child.Namespace != Namespaces.Client)
                {
                    application = XName.Get(child.Name, child.Namespace);
                    applicationElement = child.ToXElement();
                }

                continue;
            }

            if (child.Name == "text")
            {
                text = child.Value;
            }
            else if (name is null)
            {
                name = child.Name;
                condition = StanzaErrorConditions.FromElementName(child.Name);
            }
        }

        return new StanzaError(condition, text, StanzaErrorConditions.FromAttribute(error.GetAttribute("type")))
        {
            By = error.GetAttribute("by"),
            ApplicationCondition = application,
            ApplicationElement = applicationElement,
            _conditionName = name,
        };
    }

    internal XmppElement ToElement()
    {
        var error = new XmppElement("error", Namespaces.Client).SetAttribute("type", StanzaErrorConditions.ToAttribute(Type));
        if (By is not null)
        {
            error.SetAttribute("by", By);
        }

        error.Add(new XmppElement(ConditionName, Namespaces.Stanzas));
        if (Text is not null)
        {
            error.Add(new XmppElement("text", Namespaces.Stanzas).SetAttribute("lang", "en", Namespaces.Xml).AddText(Text));
        }

        if (_applicationCondition is not null)
        {
            error.Add(new XmppElement(_applicationCondition.LocalName, _applicationCondition.NamespaceName));
        }

        return error;
    }
}
