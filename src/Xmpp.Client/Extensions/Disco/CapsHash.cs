using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// The entity capabilities verification string (XEP-0115 §5): generation (§5.1) and the well-formedness checks an
/// answer must pass before its hash is trusted (§5.4).
/// </summary>
[SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
    Justification = "XEP-0115 defines the verification string on SHA-1 (its only mandatory hash); it identifies a feature set, it protects no secret.")]
internal static partial class CapsHash
{
    /// <summary>The hash the client uses for its own capabilities (the one XEP-0115 requires).</summary>
    public const string Sha1 = "sha-1";

    private const char Separator = '<';

    /// <summary>Whether the hash function (by its IANA name, as in the caps 'hash' attribute) can be verified.</summary>
    public static bool IsSupported(string? hash) => hash is Sha1 or "sha-256" or "sha-384" or "sha-512";

    /// <summary>The length of a verification string made with a supported hash function (its digest in base64).</summary>
    public static int VerLength(string hash) => hash switch
    {
        Sha1 => 28,
        "sha-256" => 44,
        "sha-384" => 64,
        "sha-512" => 88,
        _ => throw new ArgumentException($"The caps hash function '{hash}' is not supported.", nameof(hash)),
    };

    /// <summary>The verification string of <paramref name="info"/> with the hash function <paramref name="hash"/>.</summary>
    /// <exception cref="ArgumentException">The hash function is not supported.</exception>
    public static string Compute(DiscoInfo info, string hash = Sha1)
    {
        var input = Encoding.UTF8.GetBytes(BuildInput(info));
        var digest = hash switch
        {
            Sha1 => SHA1.HashData(input),
            "sha-256" => SHA256.HashData(input),
            "sha-384" => SHA384.HashData(input),
            "sha-512" => SHA512.HashData(input),
            _ => throw new ArgumentException($"The caps hash function '{hash}' is not supported.", nameof(hash)),
        };
        return Convert.ToBase64String(digest);
    }

    /// <summary>The string S of XEP-0115 §5.1 (before UTF-8 encoding and hashing).</summary>
    public static string BuildInput(DiscoInfo info)
    {
        var s = new StringBuilder();
        var identities = info.Identities
            .Order(Comparer<DiscoIdentity>.Create(static (a, b) => CompareIdentities(a, b)));
        foreach (var identity in identities)
        {
            s.Append(identity.Category).Append('/').Append(identity.Type).Append('/')
                .Append(identity.Language).Append('/').Append(identity.Name).Append(Separator);
        }

        foreach (var feature in info.Features.Order(OctetComparer.Instance))
        {
            s.Append(feature).Append(Separator);
        }

        var forms = info.Forms
            .Select(form => (Form: form, Type: HiddenFormType(form)))
            .Where(form => form.Type is not null)
            .OrderBy(form => form.Type, OctetComparer.Instance);
        foreach (var (form, type) in forms)
        {
            s.Append(type).Append(Separator);
            var fields = HashedFields(form)
                .OrderBy(field => (string)field.Attribute("var")!, OctetComparer.Instance);
            foreach (var field in fields)
            {
                s.Append((string)field.Attribute("var")!).Append(Separator);
                foreach (var value in Values(field).Order(OctetComparer.Instance))
                {
                    s.Append(value).Append(Separator);
                }
            }
        }

        return s.ToString();
    }

    /// <summary>
    /// Checks an answer against XEP-0115 §5.4 (3.3–3.5): no two identities with the same category/type/lang/name, no
    /// repeated feature, no two forms with the same FORM_TYPE, no FORM_TYPE with differing values; and no hashed string
    /// that holds a separator of the hash input (see <see cref="CoveredPart"/>'s file).
    /// </summary>
    /// <param name="info">The answer.</param>
    /// <param name="problem">What is wrong, when it is ill-formed.</param>
    public static bool IsWellFormed(DiscoInfo info, [NotNullWhen(false)] out string? problem)
    {
        problem = FindSeparator(info);
        if (problem is not null)
        {
            return false;
        }

        if (info.Identities.GroupBy(identity => identity).FirstOrDefault(group => group.Count() > 1) is { } identity)
        {
            problem = $"the identity {identity.Key.Category}/{identity.Key.Type}/{identity.Key.Language}/{identity.Key.Name} appears more than once";
            return false;
        }

        if (info.Features.GroupBy(feature => feature, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } feature)
        {
            problem = $"the feature '{feature.Key}' appears more than once";
            return false;
        }

        var formTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in info.Forms)
        {
            var formType = Fields(form).FirstOrDefault(field => (string?)field.Attribute("var") == "FORM_TYPE");
            if (formType is null)
            {
                continue;
            }

            var values = Values(formType).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 1)
            {
                problem = $"a FORM_TYPE field has the different values '{string.Join("', '", values)}'";
                return false;
            }

            if (values.Count == 1 && !formTypes.Add(values[0]))
            {
                problem = $"two forms have the FORM_TYPE '{values[0]}'";
                return false;
            }
        }

        problem = null;
        return true;
    }

    /// <summary>The FORM_TYPE of a form whose FORM_TYPE field is hidden; <see langword="null"/> for forms the hash ignores.</summary>
    private static string? HiddenFormType(XElement form)
    {
        var field = Fields(form).FirstOrDefault(field => (string?)field.Attribute("var") == "FORM_TYPE");
        return field is not null && (string?)field.Attribute("type") == "hidden" ? Values(field).FirstOrDefault() : null;
    }

    private static IEnumerable<XElement> Fields(XElement form) => form.Elements(XName.Get("field", DiscoNamespaces.DataForms));

    private static IEnumerable<string> Values(XElement field) =>
        field.Elements(XName.Get("value", DiscoNamespaces.DataForms)).Select(value => value.Value);

    private static int CompareIdentities(DiscoIdentity a, DiscoIdentity b)
    {
        var order = OctetComparer.Instance.Compare(a.Category, b.Category);
        if (order == 0)
        {
            order = OctetComparer.Instance.Compare(a.Type, b.Type);
        }

        if (order == 0)
        {
            order = OctetComparer.Instance.Compare(a.Language ?? string.Empty, b.Language ?? string.Empty);
        }

        return order != 0 ? order : OctetComparer.Instance.Compare(a.Name ?? string.Empty, b.Name ?? string.Empty);
    }
}
