using System.Security.Cryptography;

namespace Xmpp.Client.Extensions.Hashes;

/// <summary>
/// The hash functions of XEP-0300 this library knows, by their IANA names: SHA-256 and SHA-512 to compute and check,
/// SHA-1 to check only (XEP-0300 §4 says it must not be used for new hashes).
/// </summary>
public static class HashAlgorithms
{
    /// <summary>SHA-1, accepted in received hashes only.</summary>
    public const string Sha1 = "sha-1";

    /// <summary>SHA-256, the one this library computes by default.</summary>
    public const string Sha256 = "sha-256";

    /// <summary>SHA-512.</summary>
    public const string Sha512 = "sha-512";

    /// <summary>Whether a received hash of this algorithm can be checked (SHA-1, SHA-256, SHA-512).</summary>
    /// <param name="algorithm">The <c>algo</c> attribute, such as <c>sha-256</c>.</param>
    public static bool CanVerify(string? algorithm) => algorithm is Sha1 or Sha256 or Sha512;

    /// <summary>Whether this library computes hashes of this algorithm for sending (SHA-256, SHA-512).</summary>
    /// <param name="algorithm">The algorithm's name, such as <c>sha-256</c>.</param>
    public static bool CanCompute(string? algorithm) => algorithm is Sha256 or Sha512;

    /// <summary>The incremental hash of a known algorithm.</summary>
    internal static IncrementalHash Create(string algorithm) => algorithm switch
    {
        Sha1 => IncrementalHash.CreateHash(HashAlgorithmName.SHA1),
        Sha256 => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        Sha512 => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => throw new ArgumentException($"'{algorithm}' is not a hash function this library knows (sha-256, sha-512, and sha-1 for checking).", nameof(algorithm)),
    };

    /// <summary>The length in bytes of a digest of a known algorithm.</summary>
    internal static int DigestLength(string algorithm) => algorithm switch
    {
        Sha1 => 20,
        Sha256 => 32,
        _ => 64,
    };
}
