using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.DataForms;

/// <summary>
/// A data form (XEP-0004, <c>&lt;x xmlns='jabber:x:data'/&gt;</c>): a form to fill in, its submission, a cancellation,
/// or a result. Read one with <see cref="FromXElement"/> (or <c>stanza.GetPayload&lt;DataForm&gt;()</c>); answer a
/// received form with <see cref="CreateSubmission"/> and the setters:
/// <code>
/// var submission = form.CreateSubmission()
///     .SetValue("muc#roomconfig_roomname", "Kitchen")
///     .SetBoolean("muc#roomconfig_persistentroom", true);
/// </code>
/// </summary>
/// <remarks>
/// <para>Reading is strict and bounded: a form that breaks XEP-0004 (no or an unknown form <c>type</c>, a field other
/// than fixed without <c>var</c>, a <c>var</c> given twice, an option without a value) or holds more than
/// <see cref="MaxFields"/> fields, <see cref="MaxValues"/> values or <see cref="MaxOptions"/> options per field, or
/// <see cref="MaxItems"/> result items, throws a <see cref="FormatException"/> that says what is wrong; nothing else is
/// thrown for remote input. A field <c>type</c> unknown here reads as text-single (XEP-0004 §3.3) and is written back
/// as received.</para>
/// <para>Not thread-safe: a form is built or changed by one thread at a time.</para>
/// </remarks>
public sealed class DataForm : IXmppPayload<DataForm>
{
    /// <summary>The data forms namespace, <c>jabber:x:data</c>.</summary>
    public const string Namespace = "jabber:x:data";

    /// <summary>The name of the hidden field that says which kind of form this is (XEP-0068).</summary>
    public const string FormTypeVar = "FORM_TYPE";

    /// <summary>The most fields a received form (or each of its result items) may hold.</summary>
    public const int MaxFields = 512;

    /// <summary>The most values a received field may hold.</summary>
    public const int MaxValues = 1024;

    /// <summary>The most options a received field may hold.</summary>
    public const int MaxOptions = 1024;

    /// <summary>The most result items a received form may hold.</summary>
    public const int MaxItems = 1024;

    private readonly List<DataFormField> _fields = [];

    /// <summary>Creates an empty form, with a hidden <c>FORM_TYPE</c> field when <paramref name="formType"/> is given.</summary>
    /// <param name="type">What the form is for.</param>
    /// <param name="formType">The form's <c>FORM_TYPE</c> (XEP-0068), such as <c>http://jabber.org/protocol/pubsub#publish-options</c>.</param>
    public DataForm(DataFormType type, string? formType = null)
    {
        _ = DataFormXml.ToAttribute(type); // validates
        Type = type;
        if (formType is not null)
        {
            _fields.Add(new DataFormField(FormTypeVar, DataFormFieldType.Hidden, [formType]));
        }
    }

    /// <summary>The payload's name: <c>&lt;x xmlns='jabber:x:data'/&gt;</c>.</summary>
    public static XName ElementName { get; } = XName.Get("x", Namespace);

    /// <summary>What the form is for.</summary>
    public DataFormType Type { get; }

    /// <summary>The form's title, if any.</summary>
    public string? Title { get; set; }

    /// <summary>The instructions, one entry per <c>&lt;instructions/&gt;</c> element.</summary>
    public IReadOnlyList<string> Instructions { get; set; } = [];

    /// <summary>The fields, in order.</summary>
    public IReadOnlyList<DataFormField> Fields => _fields.AsReadOnly();

    /// <summary>
    /// The value of the <c>FORM_TYPE</c> field (XEP-0068) when it is hidden (or has no type, as in some submissions),
    /// or <see langword="null"/>.
    /// </summary>
    public string? FormType =>
        GetField(FormTypeVar) is { } formType && (formType.Type == DataFormFieldType.Hidden || formType.TypeAttribute is null) ? formType.Value : null;

    /// <summary>The columns of a result form's items (the <c>&lt;reported/&gt;</c> fields); empty for other forms.</summary>
    public IReadOnlyList<DataFormField> Reported { get; private set; } = [];

    /// <summary>The rows of a result form, each a list of fields; empty for other forms.</summary>
    public IReadOnlyList<IReadOnlyList<DataFormField>> Items { get; private set; } = [];

    /// <summary>The field named <paramref name="var"/>, or <see langword="null"/>.</summary>
    /// <param name="var">The field's name.</param>
    public DataFormField? GetField(string var)
    {
        ArgumentNullException.ThrowIfNull(var);
        return _fields.Find(field => field.Var == var);
    }

    /// <summary>The first value of field <paramref name="var"/>, or <see langword="null"/> (no such field, or no value).</summary>
    /// <param name="var">The field's name.</param>
    public string? GetValue(string var) => GetField(var)?.Value;

    /// <summary>The values of field <paramref name="var"/> (empty when there is no such field).</summary>
    /// <param name="var">The field's name.</param>
    public IReadOnlyList<string> GetValues(string var) => GetField(var)?.Values ?? [];

    /// <summary>Field <paramref name="var"/> as a boolean (see <see cref="DataFormField.GetBoolean"/>).</summary>
    /// <param name="var">The field's name.</param>
    /// <returns><see langword="null"/> when there is no such field or it has no value.</returns>
    /// <exception cref="FormatException">The value is not a boolean.</exception>
    public bool? GetBoolean(string var) => GetField(var)?.GetBoolean();

    /// <summary>Field <paramref name="var"/> as a JID (see <see cref="DataFormField.GetJid"/>).</summary>
    /// <param name="var">The field's name.</param>
    /// <returns><see langword="null"/> when there is no such field or it has no value.</returns>
    /// <exception cref="FormatException">The value is not a valid JID.</exception>
    public Jid? GetJid(string var) => GetField(var)?.GetJid();

    /// <summary>Field <paramref name="var"/> as JIDs (empty when there is no such field).</summary>
    /// <param name="var">The field's name.</param>
    /// <exception cref="FormatException">A value is not a valid JID.</exception>
    public IReadOnlyList<Jid> GetJids(string var) => GetField(var)?.GetJids() ?? [];

    /// <summary>Field <paramref name="var"/> as lines of text (empty when there is no such field).</summary>
    /// <param name="var">The field's name.</param>
    public IReadOnlyList<string> GetLines(string var) => GetField(var)?.GetLines() ?? [];

    /// <summary>Adds a field at the end.</summary>
    /// <param name="field">The field.</param>
    /// <returns>This form.</returns>
    /// <exception cref="ArgumentException">The form already has a field with that name.</exception>
    public DataForm AddField(DataFormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Var is not null && GetField(field.Var) is not null)
        {
            throw new ArgumentException($"The form already has a field '{field.Var}'; change it with SetValues.", nameof(field));
        }

        _fields.Add(field);
        return this;
    }

    /// <summary>Removes field <paramref name="var"/>.</summary>
    /// <param name="var">The field's name.</param>
    /// <returns>Whether there was such a field.</returns>
    public bool RemoveField(string var)
    {
        ArgumentNullException.ThrowIfNull(var);
        return _fields.RemoveAll(field => field.Var == var) > 0;
    }

    /// <summary>
    /// Sets the value of field <paramref name="var"/>: an existing field keeps its kind and label; a missing one is added
    /// without a <c>type</c> (text-single; hidden for <c>FORM_TYPE</c>).
    /// </summary>
    /// <param name="var">The field's name.</param>
    /// <param name="value">The value, or <see langword="null"/> for none.</param>
    /// <returns>This form.</returns>
    public DataForm SetValue(string var, string? value) => SetValues(var, value is null ? [] : [value]);

    /// <summary>Sets the values of field <paramref name="var"/>, like <see cref="SetValue"/>.</summary>
    /// <param name="var">The field's name.</param>
    /// <param name="values">The values (for a multi field, every one chosen).</param>
    /// <returns>This form.</returns>
    public DataForm SetValues(string var, IEnumerable<string> values) =>
        Set(var, values, var == FormTypeVar ? DataFormFieldType.Hidden : null);

    /// <summary>Sets field <paramref name="var"/> to a boolean (written <c>true</c> or <c>false</c>); a missing field is added as boolean.</summary>
    /// <param name="var">The field's name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This form.</returns>
    public DataForm SetBoolean(string var, bool value) => Set(var, [value ? "true" : "false"], DataFormFieldType.Boolean);

    /// <summary>Sets field <paramref name="var"/> to a JID; a missing field is added as jid-single.</summary>
    /// <param name="var">The field's name.</param>
    /// <param name="value">The JID.</param>
    /// <returns>This form.</returns>
    public DataForm SetJid(string var, Jid value) => Set(var, [value.ToString()], DataFormFieldType.JidSingle);

    /// <summary>Sets field <paramref name="var"/> to JIDs; a missing field is added as jid-multi.</summary>
    /// <param name="var">The field's name.</param>
    /// <param name="values">The JIDs.</param>
    /// <returns>This form.</returns>
    public DataForm SetJids(string var, IEnumerable<Jid> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Set(var, values.Select(jid => jid.ToString()), DataFormFieldType.JidMulti);
    }

    /// <summary>Sets field <paramref name="var"/> to lines of text, one value per line; a missing field is added as text-multi.</summary>
    /// <param name="var">The field's name.</param>
    /// <param name="lines">The lines (entries holding line breaks are split at them).</param>
    /// <returns>This form.</returns>
    public DataForm SetLines(string var, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Set(var, lines.SelectMany(DataFormField.SplitLines), DataFormFieldType.TextMulti);
    }

    /// <summary>
    /// A submission of this form (XEP-0004 §3.4): a <c>submit</c> form holding every field that has a name (fixed
    /// fields left out), with its kind and current values, and no labels, descriptions or options. Change it with the
    /// setters, then send it.
    /// </summary>
    /// <returns>The new form.</returns>
    public DataForm CreateSubmission()
    {
        var submission = new DataForm(DataFormType.Submit);
        foreach (var field in _fields)
        {
            if (field.Var is not null && field.Type != DataFormFieldType.Fixed)
            {
                submission._fields.Add(field.ForSubmission());
            }
        }

        return submission;
    }

    /// <summary>Reads a <c>&lt;x xmlns='jabber:x:data'/&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The form.</returns>
    /// <exception cref="FormatException">The element is not a data form, breaks XEP-0004 or is over the limits (see the remarks).</exception>
    public static DataForm FromXElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Name != ElementName)
        {
            throw new FormatException($"Not a data form: <{element.Name.LocalName} xmlns='{element.Name.NamespaceName}'/>.");
        }

        var typeAttribute = (string?)element.Attribute("type");
        var type = DataFormXml.FormType(typeAttribute)
            ?? throw new FormatException($"The data form's type '{Common.RemoteText.Quote(typeAttribute ?? string.Empty)}' is not form, submit, cancel or result (XEP-0004 §3.1).");
        var form = new DataForm(type)
        {
            Title = element.Element(DataFormXml.Title)?.Value,
            Instructions = [.. element.Elements(DataFormXml.Instructions).Select(instructions => instructions.Value)],
        };
        form._fields.AddRange(ReadFields(element));
        if (element.Element(DataFormXml.Reported) is { } reported)
        {
            form.Reported = ReadFields(reported);
        }

        var items = new List<IReadOnlyList<DataFormField>>();
        foreach (var item in element.Elements(DataFormXml.Item))
        {
            if (items.Count == MaxItems)
            {
                throw new FormatException($"The data form has more than {MaxItems} items.");
            }

            items.Add(ReadFields(item));
        }

        form.Items = items;
        return form;
    }

    /// <summary>Writes the form as <c>&lt;x xmlns='jabber:x:data' type='…'/&gt;</c>.</summary>
    public XElement ToXElement()
    {
        var x = new XElement(ElementName, new XAttribute("type", DataFormXml.ToAttribute(Type)));
        if (Title is not null)
        {
            x.Add(new XElement(DataFormXml.Title, Title));
        }

        foreach (var instructions in Instructions)
        {
            x.Add(new XElement(DataFormXml.Instructions, instructions));
        }

        x.Add(_fields.Select(field => field.ToXElement()));
        if (Reported.Count > 0)
        {
            x.Add(new XElement(DataFormXml.Reported, Reported.Select(field => field.ToXElement())));
        }

        x.Add(Items.Select(item => new XElement(DataFormXml.Item, item.Select(field => field.ToXElement()))));
        return x;
    }

    private DataForm Set(string var, IEnumerable<string> values, DataFormFieldType? newType)
    {
        ArgumentException.ThrowIfNullOrEmpty(var);
        ArgumentNullException.ThrowIfNull(values);
        var index = _fields.FindIndex(field => field.Var == var);
        if (index >= 0)
        {
            _fields[index] = _fields[index].WithValues(values);
        }
        else
        {
            var field = newType is { } type ? new DataFormField(var, type, values) : new DataFormField(var, values: values).WithoutType();
            _fields.Add(field);
        }

        return this;
    }

    private static List<DataFormField> ReadFields(XElement parent)
    {
        var fields = new List<DataFormField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in parent.Elements(DataFormXml.Field))
        {
            if (fields.Count == MaxFields)
            {
                throw new FormatException($"The data form has more than {MaxFields} fields.");
            }

            var field = DataFormField.Read(element);
            if (field.Var is not null && !names.Add(field.Var))
            {
                throw new FormatException($"The data form has two fields named '{Common.RemoteText.Quote(field.Var)}' (XEP-0004 §3.2).");
            }

            fields.Add(field);
        }

        return fields;
    }
}
