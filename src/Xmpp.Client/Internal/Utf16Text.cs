using System.Text;

namespace Xmpp.Client.Internal;

/// <summary>Small UTF-16 checks shared by the JID part rules.</summary>
internal static class Utf16Text
{
    /// <summary>True when every surrogate in <paramref name="text"/> is part of a well-formed pair.</summary>
    internal static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (!char.IsHighSurrogate(c) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    /// <summary>True when <paramref name="text"/> (well-formed) fits the 1023-byte UTF-8 limit of a JID part.</summary>
    internal static bool FitsPartLimit(ReadOnlySpan<char> text) =>
        text.Length <= JidErrors.MaxPartBytes && Encoding.UTF8.GetByteCount(text) <= JidErrors.MaxPartBytes;
}
