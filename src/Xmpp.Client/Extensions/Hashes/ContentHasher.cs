using System.Security.Cryptography;

namespace Xmpp.Client.Extensions.Hashes;

/// <summary>
/// Computes a <see cref="ContentHash"/> incrementally, block by block, while content is sent or received.
/// Not thread-safe: one writer at a time.
/// </summary>
public sealed class ContentHasher : IDisposable
{
    private readonly IncrementalHash _hash;
    private bool _finished;

    /// <summary>Starts a hash.</summary>
    /// <param name="algorithm">The algorithm; <see cref="HashAlgorithms.Sha256"/> by default. SHA-1 is accepted, for checking received hashes.</param>
    /// <exception cref="ArgumentException">An algorithm this library does not know.</exception>
    public ContentHasher(string algorithm = HashAlgorithms.Sha256)
    {
        _hash = HashAlgorithms.Create(algorithm);
        Algorithm = algorithm;
    }

    /// <summary>The algorithm.</summary>
    public string Algorithm { get; }

    /// <summary>Adds bytes.</summary>
    /// <param name="data">The next bytes of the content.</param>
    /// <exception cref="ObjectDisposedException">The hash was already finished.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _hash.AppendData(data);
    }

    /// <summary>The hash of everything added.</summary>
    /// <returns>The hash; the hasher cannot be used afterwards.</returns>
    public ContentHash Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        Span<byte> digest = stackalloc byte[64];
        var length = _hash.GetHashAndReset(digest);
        _finished = true;
        _hash.Dispose();
        return new ContentHash(Algorithm, digest[..length]);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _finished = true;
        _hash.Dispose();
    }

    /// <summary>Hashes a whole buffer.</summary>
    internal static ContentHash Of(string algorithm, ReadOnlySpan<byte> data)
    {
        using var hasher = new ContentHasher(algorithm);
        hasher.Append(data);
        return hasher.Finish();
    }
}
