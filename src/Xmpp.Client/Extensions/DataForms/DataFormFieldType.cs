namespace Xmpp.Client.Extensions.DataForms;

/// <summary>
/// The kind of a data form field (XEP-0004 §3.3). A field without a <c>type</c>, or with a type this library does not
/// know, is read as <see cref="TextSingle"/>, as §3.3 says.
/// </summary>
public enum DataFormFieldType
{
    /// <summary><c>text-single</c>: one line of text (the default).</summary>
    TextSingle,

    /// <summary><c>boolean</c>: yes or no (<c>1</c>/<c>true</c> or <c>0</c>/<c>false</c>).</summary>
    Boolean,

    /// <summary><c>fixed</c>: text to show, not to fill in (usually without a <c>var</c>).</summary>
    Fixed,

    /// <summary><c>hidden</c>: a value to send back unchanged, such as <c>FORM_TYPE</c>.</summary>
    Hidden,

    /// <summary><c>jid-multi</c>: several JIDs.</summary>
    JidMulti,

    /// <summary><c>jid-single</c>: one JID.</summary>
    JidSingle,

    /// <summary><c>list-multi</c>: several of the options.</summary>
    ListMulti,

    /// <summary><c>list-single</c>: one of the options.</summary>
    ListSingle,

    /// <summary><c>text-multi</c>: several lines of text, one per value.</summary>
    TextMulti,

    /// <summary><c>text-private</c>: one line of text not to be shown (a password).</summary>
    TextPrivate,
}
