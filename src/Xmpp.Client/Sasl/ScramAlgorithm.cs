using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Xmpp.Client.Sasl;

/// <summary>The hash function a SCRAM mechanism is built on (RFC 5802 §2.2, RFC 7677), with its HMAC and PBKDF2.</summary>
[SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
    Justification = "SCRAM-SHA-1 is defined on SHA-1 (RFC 5802); the selector prefers SHA-256 and SHA-512 whenever the server offers them.")]
internal sealed class ScramAlgorithm
{
    /// <summary>SCRAM-SHA-1 (RFC 5802).</summary>
    public static readonly ScramAlgorithm Sha1 = new("SCRAM-SHA-1", HashAlgorithmName.SHA1, SHA1.HashSizeInBytes);

    /// <summary>SCRAM-SHA-256 (RFC 7677).</summary>
    public static readonly ScramAlgorithm Sha256 = new("SCRAM-SHA-256", HashAlgorithmName.SHA256, SHA256.HashSizeInBytes);

    /// <summary>SCRAM-SHA-512 (the RFC 7677 construction over SHA-512).</summary>
    public static readonly ScramAlgorithm Sha512 = new("SCRAM-SHA-512", HashAlgorithmName.SHA512, SHA512.HashSizeInBytes);

    private ScramAlgorithm(string mechanismName, HashAlgorithmName hashName, int hashSize)
    {
        MechanismName = mechanismName;
        HashName = hashName;
        HashSize = hashSize;
    }

    /// <summary>The mechanism name without <c>-PLUS</c>.</summary>
    public string MechanismName { get; }

    /// <summary>The hash function.</summary>
    public HashAlgorithmName HashName { get; }

    /// <summary>The hash output length in bytes.</summary>
    public int HashSize { get; }

    /// <summary>H(data) into <paramref name="destination"/>.</summary>
    public void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (HashName == HashAlgorithmName.SHA1)
        {
            SHA1.HashData(data, destination);
        }
        else if (HashName == HashAlgorithmName.SHA256)
        {
            SHA256.HashData(data, destination);
        }
        else
        {
            SHA512.HashData(data, destination);
        }
    }

    /// <summary>HMAC(key, data) into <paramref name="destination"/>.</summary>
    public void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (HashName == HashAlgorithmName.SHA1)
        {
            HMACSHA1.HashData(key, data, destination);
        }
        else if (HashName == HashAlgorithmName.SHA256)
        {
            HMACSHA256.HashData(key, data, destination);
        }
        else
        {
            HMACSHA512.HashData(key, data, destination);
        }
    }

    /// <summary>Hi(password, salt, i) of RFC 5802 §2.2, which is PBKDF2 with this hash's HMAC.</summary>
    public void SaltPassword(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, Span<byte> destination) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, destination, iterations, HashName);
}
