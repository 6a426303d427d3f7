using System.Xml.Linq;

namespace Xmpp.Client.Extensions.DataForms;

/// <summary>The <c>jabber:x:data</c> names and the attribute values of the form and field types.</summary>
internal static class DataFormXml
{
    public static readonly XNamespace Ns = DataForm.Namespace;

    public static readonly XName Field = Ns + "field";
    public static readonly XName Value = Ns + "value";
    public static readonly XName Option = Ns + "option";
    public static readonly XName Required = Ns + "required";
    public static readonly XName Desc = Ns + "desc";
    public static readonly XName Title = Ns + "title";
    public static readonly XName Instructions = Ns + "instructions";
    public static readonly XName Reported = Ns + "reported";
    public static readonly XName Item = Ns + "item";

    public static string ToAttribute(DataFormType type) => type switch
    {
        DataFormType.Form => "form",
        DataFormType.Submit => "submit",
        DataFormType.Cancel => "cancel",
        DataFormType.Result => "result",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a data form type."),
    };

    public static DataFormType? FormType(string? attribute) => attribute switch
    {
        "form" => DataFormType.Form,
        "submit" => DataFormType.Submit,
        "cancel" => DataFormType.Cancel,
        "result" => DataFormType.Result,
        _ => null,
    };

    public static string ToAttribute(DataFormFieldType type) => type switch
    {
        DataFormFieldType.TextSingle => "text-single",
        DataFormFieldType.Boolean => "boolean",
        DataFormFieldType.Fixed => "fixed",
        DataFormFieldType.Hidden => "hidden",
        DataFormFieldType.JidMulti => "jid-multi",
        DataFormFieldType.JidSingle => "jid-single",
        DataFormFieldType.ListMulti => "list-multi",
        DataFormFieldType.ListSingle => "list-single",
        DataFormFieldType.TextMulti => "text-multi",
        DataFormFieldType.TextPrivate => "text-private",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a data form field type."),
    };

    /// <summary>The field type an attribute names; absent or unknown is <c>text-single</c> (XEP-0004 §3.3).</summary>
    public static DataFormFieldType FieldType(string? attribute) => attribute switch
    {
        "boolean" => DataFormFieldType.Boolean,
        "fixed" => DataFormFieldType.Fixed,
        "hidden" => DataFormFieldType.Hidden,
        "jid-multi" => DataFormFieldType.JidMulti,
        "jid-single" => DataFormFieldType.JidSingle,
        "list-multi" => DataFormFieldType.ListMulti,
        "list-single" => DataFormFieldType.ListSingle,
        "text-multi" => DataFormFieldType.TextMulti,
        "text-private" => DataFormFieldType.TextPrivate,
        _ => DataFormFieldType.TextSingle,
    };
}
