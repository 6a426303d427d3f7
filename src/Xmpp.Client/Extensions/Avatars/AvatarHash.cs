using System.Security.Cryptography;

namespace Xmpp.Client.Extensions.Avatars;

/// <summary>The SHA-1 of an image in lower-case hex: the id of XEP-0084 and the photo hash of XEP-0153.</summary>
internal static class AvatarHash
{
    public static string Of(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // SHA-1 is what XEP-0084 and XEP-0153 name the image by, not a security measure.
        SHA1.HashData(data, hash);
#pragma warning restore CA5350
#if NET9_0_OR_GREATER
        return Convert.ToHexStringLower(hash);
#else
        return Lower(Convert.ToHexString(hash));
#endif
    }

    /// <summary>ASCII lower case (hashes are compared and kept in lower case, XEP-0153 §3.1).</summary>
    public static string Lower(string hex) => string.Concat(hex.Select(char.ToLowerInvariant));

    /// <summary>Whether a hash is 40 hex digits (either case).</summary>
    public static bool IsValid(string hash) => hash.Length == 40 && hash.All(char.IsAsciiHexDigit);
}
