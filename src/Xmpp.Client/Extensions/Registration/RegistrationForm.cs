using System.Xml.Linq;
using Xmpp.Client.Extensions.DataForms;

namespace Xmpp.Client.Extensions.Registration;

/// <summary>
/// What a server (or a gateway) asks to register (XEP-0077 §3.1): instructions, the fixed fields it wants
/// (<c>username</c>, <c>password</c>, <c>email</c> …) or a data form (XEP-0004) in their place, CAPTCHA challenges
/// (XEP-0158) and a web page to register on instead. Fill it with <see cref="Set"/> or <see cref="SetCredentials"/>
/// and submit it (<see cref="AccountRegistration.RegisterAsync(XmppPreLoginConnection, RegistrationForm, CancellationToken)"/>,
/// <see cref="RegistrationExtension.RegisterAsync"/>).
/// </summary>
/// <remarks>Read from a remote party, so bounded: each fixed field once, 4,096 characters a value, 8 CAPTCHA media
/// of 256 KB each (the data form has its own limits); more is a <see cref="FormatException"/>.</remarks>
public sealed class RegistrationForm
{
    private readonly List<string> _fields;
    private readonly Dictionary<string, string> _values;

    private RegistrationForm(List<string> fields, Dictionary<string, string> values)
    {
        _fields = fields;
        _values = values;
    }

    /// <summary>The server's instructions for a person filling the form, if any.</summary>
    public string? Instructions { get; private init; }

    /// <summary>
    /// Whether the account asking is registered already (<c>&lt;registered/&gt;</c>): with a gateway, the fields then
    /// hold the current registration; on a logged-in account, the server's data for it.
    /// </summary>
    public bool IsRegistered { get; private init; }

    /// <summary>The fixed fields the server asks for, in its order (XEP-0077 §14); all of them must be filled unless
    /// <see cref="Form"/> is set, which takes their place.</summary>
    public IReadOnlyList<string> Fields => _fields.AsReadOnly();

    /// <summary>
    /// The data form the server sent instead of (or besides) the fixed fields (XEP-0077 §5), or <see langword="null"/>.
    /// When it is set, the submission is this form: <see cref="Set"/> fills its fields.
    /// </summary>
    public DataForm? Form { get; private init; }

    /// <summary>A web page where the account can be registered instead (XEP-0077 §5, <c>jabber:x:oob</c>), if the server named one.</summary>
    public Uri? WebPage { get; private init; }

    /// <summary>The CAPTCHA challenges of <see cref="Form"/> (XEP-0158), empty when there are none: a person has to answer one.</summary>
    public IReadOnlyList<RegistrationCaptcha> Captchas { get; private init; } = [];

    /// <summary>Whether the form holds a CAPTCHA challenge, which a program cannot answer by itself.</summary>
    public bool HasCaptcha => Captchas.Count > 0;

    /// <summary>
    /// The fields still to fill before the form can be submitted: fixed fields without a value, or the
    /// <see cref="Form"/>'s required fields without one.
    /// </summary>
    public IReadOnlyList<string> MissingFields => Form is { } form
        ? [.. form.Fields.Where(f => f is { Required: true, Var: not null, Type: not DataFormFieldType.Fixed } && f.Values.Count == 0 && f.Var != DataForm.FormTypeVar).Select(f => f.Var!)]
        : [.. _fields.Where(f => !_values.ContainsKey(f))];

    /// <summary>The value of a field: what the server sent (a gateway's current registration) or what was set.</summary>
    /// <param name="field">The field's name, such as <c>username</c>.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetValue(string field) =>
        Form is { } form ? form.GetValue(field) : _values.GetValueOrDefault(field);

    /// <summary>Fills one field: in <see cref="Form"/> when there is one, else one of the fixed <see cref="Fields"/>.</summary>
    /// <param name="field">The field's name, such as <c>username</c>, <c>email</c> or a CAPTCHA's <c>ocr</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>This form.</returns>
    /// <exception cref="ArgumentException">The server did not ask for that field.</exception>
    public RegistrationForm Set(string field, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(value);
        if (Form is { } form)
        {
            if (form.GetField(field) is null)
            {
                throw new ArgumentException($"The registration form has no field '{field}'; it has: {string.Join(", ", form.Fields.Select(f => f.Var).OfType<string>())}.", nameof(field));
            }

            form.SetValue(field, value);
            return this;
        }

        if (!_fields.Contains(field))
        {
            throw new ArgumentException($"The server did not ask for '{field}'; it asked for: {string.Join(", ", _fields)}.", nameof(field));
        }

        _values[field] = value;
        return this;
    }

    /// <summary>Fills <c>username</c> and <c>password</c>, the two fields every account registration asks for.</summary>
    /// <param name="username">The account's local part (or the legacy account's name, with a gateway).</param>
    /// <param name="password">Its password.</param>
    /// <returns>This form.</returns>
    /// <exception cref="ArgumentException">The server did not ask for one of them.</exception>
    public RegistrationForm SetCredentials(string username, string password) =>
        Set("username", username).Set("password", password);

    /// <summary>The submission of the form: a <c>&lt;query xmlns='jabber:iq:register'/&gt;</c> with the filled fields or the filled data form.</summary>
    /// <returns>A new element.</returns>
    public XElement ToXElement()
    {
        var query = new XElement(RegistrationXml.Query);
        if (Form is { } form)
        {
            query.Add(form.CreateSubmission().ToXElement());
            return query;
        }

        foreach (var field in _fields)
        {
            if (_values.TryGetValue(field, out var value))
            {
                query.Add(new XElement(RegistrationXml.Ns + field, value));
            }
        }

        return query;
    }

    /// <summary>Reads the server's answer to a registration request (XEP-0077 §3.1).</summary>
    /// <param name="query">The <c>&lt;query xmlns='jabber:iq:register'/&gt;</c>.</param>
    /// <returns>The form.</returns>
    /// <exception cref="FormatException">The element is not a registration query, or is over the limits.</exception>
    public static RegistrationForm FromXElement(XElement query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Name != RegistrationXml.Query)
        {
            throw new FormatException($"Expected <query xmlns='{RegistrationXml.Namespace}'/>, got {query.Name}.");
        }

        var fields = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in query.Elements())
        {
            if (child.Name.Namespace != RegistrationXml.Ns || !RegistrationXml.FixedFields.Contains(child.Name.LocalName)
                || fields.Contains(child.Name.LocalName))
            {
                continue;
            }

            fields.Add(child.Name.LocalName);
            if (child.Value is { Length: > 0 } value)
            {
                values[child.Name.LocalName] = value.Length <= RegistrationXml.MaxValueChars
                    ? value
                    : throw new FormatException($"The registration field '{child.Name.LocalName}' is longer than {RegistrationXml.MaxValueChars} characters.");
            }
        }

        var form = query.Element(DataForm.ElementName) is { } x ? DataForm.FromXElement(x) : null;
        return new RegistrationForm(fields, values)
        {
            Instructions = Bounded(query.Element(RegistrationXml.Instructions)?.Value),
            IsRegistered = query.Element(RegistrationXml.Registered) is not null,
            Form = form,
            WebPage = query.Element(RegistrationXml.OutOfBand)?.Element(RegistrationXml.OutOfBandUrl)?.Value is { } url
                && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var page) && page.Scheme is "https" or "http" ? page : null,
            Captchas = form is null ? [] : ReadCaptchas(form, query),
        };
    }

    private static string? Bounded(string? text) => text is null || text.Length <= RegistrationXml.MaxValueChars
        ? text
        : throw new FormatException($"The registration instructions are longer than {RegistrationXml.MaxValueChars} characters.");

    private static List<RegistrationCaptcha> ReadCaptchas(DataForm form, XElement query)
    {
        var captchas = new List<RegistrationCaptcha>();
        var media = 0;
        foreach (var field in form.Fields)
        {
            if (field.Var is null || !RegistrationXml.CaptchaAnswerFields.Contains(field.Var)
                || (form.FormType != RegistrationXml.CaptchaFormType && field.Element?.Element(RegistrationXml.Media) is null))
            {
                continue;
            }

            var items = new List<RegistrationMedia>();
            foreach (var uri in field.Element?.Element(RegistrationXml.Media)?.Elements(RegistrationXml.MediaUri) ?? [])
            {
                if (++media > RegistrationXml.MaxImages)
                {
                    throw new FormatException($"The registration form has more than {RegistrationXml.MaxImages} CAPTCHA media.");
                }

                if (Uri.TryCreate(uri.Value.Trim(), UriKind.Absolute, out var address))
                {
                    items.Add(new RegistrationMedia(address, (string?)uri.Attribute("type"), address.Scheme == "cid" ? Embedded(query, address) : null));
                }
            }

            captchas.Add(new RegistrationCaptcha(field, items));
        }

        return captchas;
    }

    /// <summary>The bytes of a <c>cid:</c> address sent along in the query or its IQ (XEP-0231), or null.</summary>
    private static ReadOnlyMemory<byte>? Embedded(XElement query, Uri address)
    {
        var cid = address.OriginalString.AsSpan(4).Trim().ToString();
        var data = query.Elements(RegistrationXml.BitsOfBinary).Concat(query.Parent?.Elements(RegistrationXml.BitsOfBinary) ?? [])
            .FirstOrDefault(d => (string?)d.Attribute("cid") == cid);
        if (data is null)
        {
            return null;
        }

        var text = data.Value;
        if (text.Length > RegistrationXml.MaxImageBytes / 3 * 4 + 8)
        {
            throw new FormatException($"A CAPTCHA image is larger than {RegistrationXml.MaxImageBytes / 1024} KB.");
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null; // unreadable data: the address is still reported
        }
    }
}
