namespace Xmpp.Client.Extensions.DataForms;

/// <summary>What a data form is for (XEP-0004 §3.1): the <c>type</c> attribute of <c>&lt;x xmlns='jabber:x:data'/&gt;</c>.</summary>
public enum DataFormType
{
    /// <summary><c>form</c>: a form to fill in, sent by the entity that asks.</summary>
    Form,

    /// <summary><c>submit</c>: the values of a filled-in form.</summary>
    Submit,

    /// <summary><c>cancel</c>: the form is not filled in after all.</summary>
    Cancel,

    /// <summary><c>result</c>: data returned (search results, a command's outcome, extended disco information).</summary>
    Result,
}
