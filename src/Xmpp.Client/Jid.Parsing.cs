using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Xmpp.Client.Internal;

namespace Xmpp.Client;

public readonly partial struct Jid : ISpanParsable<Jid>
{
    private const int StackBufferLength = 256;

    /// <summary>Parses and normalises a JID such as <c>juliet@example.com/balcony</c>.</summary>
    /// <param name="s">The text of the JID.</param>
    /// <returns>The JID in canonical form. When <paramref name="s"/> is already canonical its string is reused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid RFC 7622 address; the message says
    /// which part is wrong and why.</exception>
    public static Jid Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string? error = TryParseCore(s, s, out Jid result);
        return error is null ? result : throw new FormatException(JidErrors.Describe(s, error));
    }

    /// <summary>Parses and normalises a JID from characters; see <see cref="Parse(string)"/>.</summary>
    /// <param name="s">The text of the JID.</param>
    /// <returns>The JID in canonical form (one new string).</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid RFC 7622 address.</exception>
    public static Jid Parse(ReadOnlySpan<char> s)
    {
        string? error = TryParseCore(s, null, out Jid result);
        return error is null ? result : throw new FormatException(JidErrors.Describe(s, error));
    }

    /// <summary>Tries to parse and normalise a JID, without throwing.</summary>
    /// <param name="s">The text of the JID; null gives false.</param>
    /// <param name="result">The JID in canonical form, or <c>default(Jid)</c> when the text is not valid.</param>
    /// <returns>True when <paramref name="s"/> is a valid RFC 7622 address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Jid result)
    {
        result = default;
        return s is not null && TryParseCore(s, s, out result) is null;
    }

    /// <summary>Tries to parse and normalise a JID from characters, without throwing.</summary>
    /// <param name="s">The text of the JID.</param>
    /// <param name="result">The JID in canonical form, or <c>default(Jid)</c> when the text is not valid.</param>
    /// <returns>True when <paramref name="s"/> is a valid RFC 7622 address.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Jid result) => TryParseCore(s, null, out result) is null;

    // The IFormatProvider overloads exist for generic code (ISpanParsable<Jid>); a JID does not depend on culture.
    static Jid IParsable<Jid>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Jid>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Jid result) =>
        TryParse(s, out result);

    static Jid ISpanParsable<Jid>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Jid>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Jid result) =>
        TryParse(s, out result);

    /// <summary>
    /// Splits on the first '/' (the resourcepart may hold '@' and '/') and on the first '@' before it, prepares
    /// each part, and reuses <paramref name="original"/> (or copies <paramref name="text"/> once) when nothing
    /// changed. Returns why the text is invalid.
    /// </summary>
    private static string? TryParseCore(ReadOnlySpan<char> text, string? original, out Jid result)
    {
        result = default;
        if (text.IsEmpty)
        {
            return JidErrors.Empty;
        }

        int slash = text.IndexOf('/');
        ReadOnlySpan<char> bare = slash < 0 ? text : text[..slash];
        int at = bare.IndexOf('@');
        ReadOnlySpan<char> localText = at < 0 ? default : bare[..at];
        ReadOnlySpan<char> domainText = bare[(at + 1)..];
        ReadOnlySpan<char> resourceText = slash < 0 ? default : text[(slash + 1)..];

        PreparedPart local = default;
        PreparedPart resource = default;
        string? error;
        if (at >= 0 && (error = Localpart.Prepare(localText, out local)) is not null)
        {
            return error;
        }

        if ((error = Domainpart.Prepare(domainText, out PreparedPart domain)) is not null)
        {
            return error;
        }

        if (slash >= 0 && (error = Resourcepart.Prepare(resourceText, out resource)) is not null)
        {
            return error;
        }

        bool unchanged = local.IsSameAs(localText) && domain.IsSameAs(domainText) && resource.IsSameAs(resourceText);
        result = Assemble(local, domain, resource, unchanged ? original ?? text.ToString() : null);
        return null;
    }

    /// <summary>
    /// Builds the JID from prepared parts (an absent part has length 0), reusing <paramref name="canonical"/> when
    /// the caller knows it already is the joined text, else writing the joined text into one new string.
    /// </summary>
    private static Jid Assemble(PreparedPart local, PreparedPart domain, PreparedPart resource, string? canonical)
    {
        int domainStart = local.Length == 0 ? 0 : local.Length + 1;
        int domainEnd = domainStart + domain.Length;
        int resourceStart = resource.Length == 0 ? 0 : domainEnd + 1;
        int length = resourceStart == 0 ? domainEnd : resourceStart + resource.Length;
        if (canonical is not null)
        {
            return new Jid(canonical, local.Length, resourceStart);
        }

        char[]? rented = null;
        Span<char> buffer = length <= StackBufferLength
            ? stackalloc char[length]
            : (rented = ArrayPool<char>.Shared.Rent(length));
        if (local.Length != 0)
        {
            local.CopyTo(buffer);
            buffer[local.Length] = '@';
        }

        domain.CopyTo(buffer[domainStart..]);
        if (resourceStart != 0)
        {
            buffer[domainEnd] = '/';
            resource.CopyTo(buffer[resourceStart..]);
        }

        string value = new(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return new Jid(value, local.Length, resourceStart);
    }
}
