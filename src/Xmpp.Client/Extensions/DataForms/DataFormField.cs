using System.Globalization;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.DataForms;

/// <summary>
/// One field of a data form (XEP-0004 §3.2): its name (<see cref="Var"/>), kind, label, values and, for list fields,
/// options. Immutable: change a form's values with <see cref="DataForm.SetValue"/> and its siblings, which replace the field.
/// </summary>
/// <remarks>
/// The typed readers (<see cref="GetBoolean"/>, <see cref="GetJid"/>, <see cref="GetJids"/>, <see cref="GetLines"/>)
/// read the values whatever <see cref="Type"/> says, and throw <see cref="FormatException"/> when a value does not
/// parse. A field read from a received form keeps its element (<see cref="Element"/>), so what this class does not read,
/// such as the media elements of a CAPTCHA (XEP-0221, XEP-0158), stays reachable.
/// </remarks>
public sealed class DataFormField
{
    /// <summary>Creates a field.</summary>
    /// <param name="var">The field's name, unique in its form; <see langword="null"/> only for a <see cref="DataFormFieldType.Fixed"/> field.</param>
    /// <param name="type">The field's kind, written in its <c>type</c> attribute.</param>
    /// <param name="values">Its values (the default ones, in a form to fill in).</param>
    /// <exception cref="ArgumentException"><paramref name="var"/> is empty, or missing on a field other than fixed.</exception>
    public DataFormField(string? var, DataFormFieldType type = DataFormFieldType.TextSingle, IEnumerable<string>? values = null)
        : this(var, type, DataFormXml.ToAttribute(type), values is null ? [] : [.. values], element: null)
    {
        if (var is null ? type != DataFormFieldType.Fixed : var.Length == 0)
        {
            throw new ArgumentException("A field needs a non-empty 'var', unless it is a fixed field (XEP-0004 §3.2).", nameof(var));
        }

        if (Values.Any(value => value is null))
        {
            throw new ArgumentException("A value must not be null.", nameof(values));
        }
    }

    private DataFormField(string? var, DataFormFieldType type, string? typeAttribute, IReadOnlyList<string> values, XElement? element)
    {
        Var = var;
        Type = type;
        TypeAttribute = typeAttribute;
        Values = values;
        Element = element;
    }

    /// <summary>The field's name, such as <c>muc#roomconfig_roomname</c>; <see langword="null"/> for a fixed field without one.</summary>
    public string? Var { get; }

    /// <summary>The field's kind; <see cref="DataFormFieldType.TextSingle"/> when the form gave none or one unknown here.</summary>
    public DataFormFieldType Type { get; }

    /// <summary>The label to show, if any.</summary>
    public string? Label { get; init; }

    /// <summary>A longer description (the <c>&lt;desc/&gt;</c>), if any.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the field must be filled in before the form is submitted.</summary>
    public bool Required { get; init; }

    /// <summary>The values, in order: none, one, or several (multi fields; text-multi has one per line).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The first value, or <see langword="null"/> when there is none.</summary>
    public string? Value => Values.Count > 0 ? Values[0] : null;

    /// <summary>The options of a list field, in order (empty for other fields).</summary>
    public IReadOnlyList<DataFormOption> Options { get; init; } = [];

    /// <summary>
    /// The <c>&lt;field/&gt;</c> element this field was read from, or <see langword="null"/> for one made here; treat it
    /// as read-only. It holds what this class does not read, such as media elements (XEP-0221).
    /// </summary>
    public XElement? Element { get; }

    /// <summary>The <c>type</c> attribute as it is written: the one received (even an unknown one), or none.</summary>
    internal string? TypeAttribute { get; }

    /// <summary>The value as a boolean: <c>1</c> or <c>true</c>, <c>0</c> or <c>false</c> (XEP-0004 §3.3).</summary>
    /// <returns><see langword="null"/> when the field has no value.</returns>
    /// <exception cref="FormatException">The value is something else.</exception>
    public bool? GetBoolean() => Value?.Trim() switch
    {
        null => null,
        "1" or "true" => true,
        "0" or "false" => false,
        var other => throw new FormatException($"The value of field '{Var}' is not a boolean (1, true, 0 or false): '{Quote(other)}'."),
    };

    /// <summary>The value as a JID (jid-single).</summary>
    /// <returns><see langword="null"/> when the field has no value.</returns>
    /// <exception cref="FormatException">The value is not a valid JID.</exception>
    public Jid? GetJid() => Value is { } value ? ParseJid(value) : null;

    /// <summary>The values as JIDs (jid-multi), in order.</summary>
    /// <exception cref="FormatException">A value is not a valid JID.</exception>
    public IReadOnlyList<Jid> GetJids() => [.. Values.Select(ParseJid)];

    /// <summary>The text of a text-multi field, one line per entry (values holding line breaks are split at them).</summary>
    public IReadOnlyList<string> GetLines() => [.. Values.SelectMany(SplitLines)];

    /// <summary>A copy of the field with other values (its name, kind and the rest kept).</summary>
    /// <param name="values">The new values.</param>
    public DataFormField WithValues(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] list = [.. values];
        if (Array.Exists(list, value => value is null))
        {
            throw new ArgumentException("A value must not be null.", nameof(values));
        }

        return new DataFormField(Var, Type, TypeAttribute, list, Element)
        {
            Label = Label,
            Description = Description,
            Required = Required,
            Options = Options,
        };
    }

    /// <summary>Writes the field as a <c>&lt;field/&gt;</c> element (without what only <see cref="Element"/> holds).</summary>
    public XElement ToXElement()
    {
        var field = new XElement(DataFormXml.Field);
        if (Var is not null)
        {
            field.SetAttributeValue("var", Var);
        }

        if (TypeAttribute is not null)
        {
            field.SetAttributeValue("type", TypeAttribute);
        }

        if (Label is not null)
        {
            field.SetAttributeValue("label", Label);
        }

        if (Description is not null)
        {
            field.Add(new XElement(DataFormXml.Desc, Description));
        }

        if (Required)
        {
            field.Add(new XElement(DataFormXml.Required));
        }

        foreach (var value in Values)
        {
            field.Add(new XElement(DataFormXml.Value, value));
        }

        foreach (var option in Options)
        {
            field.Add(new XElement(
                DataFormXml.Option,
                option.Label is null ? null : new XAttribute("label", option.Label),
                new XElement(DataFormXml.Value, option.Value)));
        }

        return field;
    }

    /// <summary>A field with the same name and kind and other values: what a submission carries.</summary>
    internal DataFormField ForSubmission() => new(Var, Type, TypeAttribute, Values, element: null);

    /// <summary>The same field without a <c>type</c> attribute (it reads as text-single).</summary>
    internal DataFormField WithoutType() => new(Var, Type, typeAttribute: null, Values, Element);

    /// <summary>Reads a received <c>&lt;field/&gt;</c>.</summary>
    /// <exception cref="FormatException">It is malformed or over the limits of <see cref="DataForm"/>.</exception>
    internal static DataFormField Read(XElement element)
    {
        var var = (string?)element.Attribute("var");
        var typeAttribute = (string?)element.Attribute("type");
        var type = DataFormXml.FieldType(typeAttribute);
        if (var is null ? type != DataFormFieldType.Fixed : var.Length == 0)
        {
            throw new FormatException("A data form field other than fixed has no 'var' (XEP-0004 §3.2).");
        }

        var values = new List<string>();
        foreach (var value in element.Elements(DataFormXml.Value))
        {
            if (values.Count == DataForm.MaxValues)
            {
                throw new FormatException($"Field '{Quote(var ?? string.Empty)}' has more than {DataForm.MaxValues} values.");
            }

            values.Add(value.Value);
        }

        var options = new List<DataFormOption>();
        foreach (var option in element.Elements(DataFormXml.Option))
        {
            if (options.Count == DataForm.MaxOptions)
            {
                throw new FormatException($"Field '{Quote(var ?? string.Empty)}' has more than {DataForm.MaxOptions} options.");
            }

            var value = option.Element(DataFormXml.Value)
                ?? throw new FormatException($"An option of field '{Quote(var ?? string.Empty)}' has no value (XEP-0004 §3.2).");
            options.Add(new DataFormOption(value.Value, (string?)option.Attribute("label")));
        }

        return new DataFormField(var, type, typeAttribute, values, element)
        {
            Label = (string?)element.Attribute("label"),
            Description = element.Element(DataFormXml.Desc)?.Value,
            Required = element.Element(DataFormXml.Required) is not null,
            Options = options,
        };
    }

    internal static IEnumerable<string> SplitLines(string text) =>
        text.Split('\n').Select(line => line.EndsWith('\r') ? line[..^1] : line);

    private Jid ParseJid(string value) =>
        Jid.TryParse(value.Trim(), out var jid)
            ? jid
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"A value of field '{Var}' is not a valid JID: '{Quote(value)}'."));

    private static string Quote(string text) => Common.RemoteText.Quote(text);
}
