using Xmpp.Client.Extensions.Hashes;

namespace Xmpp.Client.Extensions.Jingle;

/// <summary>
/// The hashes computed while receiving: the offered hash's algorithm when the offer had one, otherwise each one the
/// sender's checksum may use (its algorithm is known only at the end).
/// </summary>
internal sealed class Hashers : IDisposable
{
    private readonly Dictionary<string, ContentHasher> _hashers = [];
    private readonly Dictionary<string, ContentHash> _finished = [];

    public Hashers(string? algorithm)
    {
        string[] algorithms = algorithm is not null && HashAlgorithms.CanVerify(algorithm)
            ? [algorithm]
            : [HashAlgorithms.Sha256, HashAlgorithms.Sha512, HashAlgorithms.Sha1];
        foreach (var name in algorithms)
        {
            _hashers[name] = new ContentHasher(name);
        }
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (var hasher in _hashers.Values)
        {
            hasher.Append(data);
        }
    }

    /// <summary>The hash of that algorithm, or <see langword="null"/> when it was not computed.</summary>
    public ContentHash? Finish(string algorithm)
    {
        if (_finished.TryGetValue(algorithm, out var done))
        {
            return done;
        }

        if (!_hashers.Remove(algorithm, out var hasher))
        {
            return null;
        }

        return _finished[algorithm] = hasher.Finish();
    }

    public void Dispose()
    {
        foreach (var hasher in _hashers.Values)
        {
            hasher.Dispose();
        }
    }
}
