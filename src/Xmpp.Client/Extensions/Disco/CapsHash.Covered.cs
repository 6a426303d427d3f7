using Xmpp.Client.Extensions.Common;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// What the verification string really vouches for. The hash input joins strings with '&lt;' and an identity's parts
/// with '/', so a string holding its own separator makes two different answers hash alike (<c>["a&lt;b"]</c> and
/// <c>["a", "b"]</c>): such answers are refused. And the hash covers only identities, features and the FORM_TYPE, field
/// names and values of forms with a hidden FORM_TYPE, so only that part of an answer is ever cached.
/// </summary>
internal static partial class CapsHash
{
    private const char IdentitySeparator = '/';

    /// <summary>What in <paramref name="info"/> contains a separator of the hash input, or <see langword="null"/>.</summary>
    /// <remarks>A '/' in an identity's name is allowed: the name is its last part, so it cannot move a boundary
    /// (as long as category, type and language hold none); features are URIs full of '/', which never separates them.</remarks>
    private static string? FindSeparator(DiscoInfo info)
    {
        foreach (var identity in info.Identities)
        {
            var found = Separated("identity category", identity.Category, identitySeparator: true)
                ?? Separated("identity type", identity.Type, identitySeparator: true)
                ?? Separated("identity language", identity.Language, identitySeparator: true)
                ?? Separated("identity name", identity.Name, identitySeparator: false);
            if (found is not null)
            {
                return found;
            }
        }

        foreach (var feature in info.Features)
        {
            if (Separated("feature", feature, identitySeparator: false) is { } found)
            {
                return found;
            }
        }

        foreach (var form in info.Forms)
        {
            if (HiddenFormType(form) is not { } type)
            {
                // Left out of the hash, and not cached either: anything goes.
                continue;
            }

            var found = Separated("FORM_TYPE", type, identitySeparator: false);
            foreach (var field in HashedFields(form))
            {
                var name = (string)field.Attribute("var")!;
                found ??= Separated("form field", name, identitySeparator: false);
                foreach (var value in Values(field))
                {
                    found ??= Separated($"value of the form field '{RemoteText.Quote(name)}'", value, identitySeparator: false);
                }
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The part of <paramref name="info"/> its verification string covers: its identities and features, and of each form
    /// with a hidden FORM_TYPE only the FORM_TYPE and the names and values of its named fields (no labels, titles,
    /// field types, unnamed fields or forms the hash leaves out), which a forged answer could otherwise add unchecked.
    /// </summary>
    public static DiscoInfo CoveredPart(DiscoInfo info)
    {
        XNamespace x = DiscoNamespaces.DataForms;
        var forms = info.Forms
            .Select(form => (Form: form, Type: HiddenFormType(form)))
            .Where(form => form.Type is not null)
            .Select(form => new XElement(
                x + "x",
                new XAttribute("type", "result"),
                new XElement(x + "field", new XAttribute("var", "FORM_TYPE"), new XAttribute("type", "hidden"), new XElement(x + "value", form.Type)),
                HashedFields(form.Form).Select(field => new XElement(
                    x + "field",
                    new XAttribute("var", (string)field.Attribute("var")!),
                    Values(field).Select(value => new XElement(x + "value", value))))));
        return new DiscoInfo(info.Identities, info.Features, forms, info.Node);
    }

    /// <summary>The fields of a form that go into the hash: every named field but FORM_TYPE.</summary>
    private static IEnumerable<XElement> HashedFields(XElement form) =>
        Fields(form).Where(field => (string?)field.Attribute("var") is { } name && name != "FORM_TYPE");

    private static string? Separated(string what, string? text, bool identitySeparator)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Contains(Separator, StringComparison.Ordinal))
        {
            return $"the {what} '{RemoteText.Quote(text)}' contains '{Separator}', which separates the strings of the hash input";
        }

        return identitySeparator && text.Contains(IdentitySeparator, StringComparison.Ordinal)
            ? $"the {what} '{RemoteText.Quote(text)}' contains '{IdentitySeparator}', which separates the parts of an identity in the hash input"
            : null;
    }
}
