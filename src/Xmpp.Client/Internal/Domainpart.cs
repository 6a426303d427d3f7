using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Xmpp.Client.Internal;

/// <summary>
/// RFC 7622 §3.2 domainpart rules: a bracketed IPv6 literal, or a domain name (an IPv4 address is one) with a final
/// dot removed, lower-cased, validated by UTS #46 with STD3 rules and kept in its Unicode form.
/// </summary>
internal static class Domainpart
{
    private const int MaxDnsNameLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Prepares a domainpart; returns why it is invalid, or null with the canonical part.</summary>
    internal static string? Prepare(ReadOnlySpan<char> input, out PreparedPart part)
    {
        part = default;
        if (!input.IsEmpty && input[0] == '[')
        {
            return PrepareIPv6Literal(input, out part);
        }

        if (!System.Text.Ascii.IsValid(input))
        {
            return PrepareInternational(input, out part);
        }

        // RFC 7622 §3.2: a final label separator is not part of the canonical domainpart.
        if (!input.IsEmpty && input[^1] == '.')
        {
            input = input[..^1];
        }

        return input.IsEmpty ? JidErrors.DomainEmpty : PrepareAscii(input, out part);
    }

    private static string? PrepareIPv6Literal(ReadOnlySpan<char> input, out PreparedPart part)
    {
        part = default;
        ReadOnlySpan<char> address = input.Length > 2 && input[^1] == ']' ? input[1..^1] : default;
        if (address.IsEmpty || address.Contains('%') || !IPAddress.TryParse(address, out IPAddress? parsed)
            || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return JidErrors.DomainIPLiteral;
        }

        part = new PreparedPart(input, input.IndexOfAnyInRange('A', 'F') >= 0);
        return null;
    }

    /// <summary>LDH labels checked here without allocating; only A-labels ("xn--") go through IDNA to get their Unicode form.</summary>
    private static string? PrepareAscii(ReadOnlySpan<char> input, out PreparedPart part)
    {
        part = default;
        if (input.Length > MaxDnsNameLength)
        {
            return JidErrors.DomainTooLong;
        }

        bool hasUpper = false;
        bool hasALabel = false;
        int labelStart = 0;
        for (int i = 0; i <= input.Length; i++)
        {
            if (i < input.Length && input[i] != '.')
            {
                char c = input[i];
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return JidErrors.DomainInvalidCharacter;
                }

                hasUpper |= char.IsAsciiLetterUpper(c);
                continue;
            }

            ReadOnlySpan<char> label = input[labelStart..i];
            string? error = CheckLabel(label, ref hasALabel);
            if (error is not null)
            {
                return error;
            }

            labelStart = i + 1;
        }

        if (hasALabel)
        {
#pragma warning disable CA1308 // Domain names are canonically lower case (UTS #46 maps to lower case).
            return PrepareInternational(input.ToString().ToLowerInvariant(), out part);
#pragma warning restore CA1308
        }

        part = new PreparedPart(input, hasUpper);
        return null;
    }

    private static string? CheckLabel(ReadOnlySpan<char> label, ref bool hasALabel)
    {
        if (label.IsEmpty)
        {
            return JidErrors.DomainEmptyLabel;
        }

        if (label.Length > MaxLabelLength)
        {
            return JidErrors.DomainLabelTooLong;
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return JidErrors.DomainHyphen;
        }

        if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
        {
            if (!label.StartsWith("xn", StringComparison.OrdinalIgnoreCase))
            {
                return JidErrors.DomainHyphen;
            }

            hasALabel = true;
        }

        return null;
    }

    /// <summary>
    /// UTS #46 through <see cref="IdnMapping"/> (ICU on Linux and macOS, the OS on Windows): to ASCII and back gives
    /// the validated, mapped, lower-case Unicode form.
    /// </summary>
    private static string? PrepareInternational(ReadOnlySpan<char> input, out PreparedPart part)
    {
        part = default;
        if (!UnicodeSupport.IsAvailable)
        {
            return JidErrors.NoUnicode;
        }

        if (!Utf16Text.IsWellFormed(input))
        {
            return JidErrors.DomainInvalidUtf16;
        }

        // A new IdnMapping per call: its instance members are not documented as thread-safe, and this is the slow path.
        var idn = new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false };
        string unicode;
        try
        {
            unicode = idn.GetUnicode(idn.GetAscii(input.ToString()));
        }
        catch (ArgumentException)
        {
            return JidErrors.DomainNotIdna;
        }

        // UTS #46 keeps one final separator (a '.', or U+3002 and the like mapped to '.'); RFC 7622 removes it.
        if (unicode.EndsWith('.'))
        {
            unicode = unicode[..^1];
        }

        if (unicode.Length == 0)
        {
            return JidErrors.DomainEmpty;
        }

        if (!Utf16Text.FitsPartLimit(unicode))
        {
            return JidErrors.DomainTooLong;
        }

        part = new PreparedPart(input.SequenceEqual(unicode) ? input : unicode);
        return null;
    }
}
