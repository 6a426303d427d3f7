using System.Security.Cryptography;

namespace Xmpp.Client.Stanzas;

/// <summary>Makes stanza ids: random (so a third party cannot guess the id of a pending request), short, URL-safe.</summary>
internal static class StanzaIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

    public static string New()
    {
        Span<byte> random = stackalloc byte[12];
        RandomNumberGenerator.Fill(random);
        Span<char> chars = stackalloc char[random.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[random[i] & 63];
        }

        return new string(chars);
    }
}
