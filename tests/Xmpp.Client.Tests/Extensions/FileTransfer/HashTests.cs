using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Xmpp.Client.Extensions.Hashes;

namespace Xmpp.Client.Tests.Extensions.FileTransfer;

/// <summary>XEP-0300 hashes: the element, the incremental hasher and which algorithms are computed or only checked.</summary>
public class HashTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog");

    [Theory]
    [InlineData(HashAlgorithms.Sha256)]
    [InlineData(HashAlgorithms.Sha512)]
    [InlineData(HashAlgorithms.Sha1)]
    public void Hashing_block_by_block_gives_the_digest_of_the_whole(string algorithm)
    {
        using var hasher = new ContentHasher(algorithm);
        foreach (var chunk in Content.Chunk(7))
        {
            hasher.Append(chunk);
        }

        var hash = hasher.Finish();

        byte[] expected = algorithm switch
        {
            HashAlgorithms.Sha256 => SHA256.HashData(Content),
            HashAlgorithms.Sha512 => SHA512.HashData(Content),
            _ => SHA1.HashData(Content),
        };
        Assert.Equal(expected, hash.Value.ToArray());
        Assert.Equal(algorithm, hash.Algorithm);
        Assert.True(hash.CanVerify);
    }

    [Fact]
    public void A_hash_element_round_trips_and_matches_only_the_same_algorithm_and_digest()
    {
        var hash = new ContentHash(HashAlgorithms.Sha256, SHA256.HashData(Content));

        var element = hash.ToXElement();
        var read = ContentHash.FromXElement(XElement.Parse(element.ToString()));

        Assert.Equal("{urn:xmpp:hashes:2}hash", element.Name.ToString());
        Assert.Equal("sha-256", (string?)element.Attribute("algo"));
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Content)), element.Value);
        Assert.True(read.Matches(hash));
        Assert.False(new ContentHash(HashAlgorithms.Sha512, SHA256.HashData(Content)).Matches(hash));
        Assert.False(new ContentHash(HashAlgorithms.Sha256, SHA256.HashData(Content.AsSpan(1))).Matches(hash));
    }

    [Fact]
    public void Sha1_is_checked_but_never_computed_for_sending_and_unknown_algorithms_are_neither()
    {
        Assert.True(HashAlgorithms.CanVerify("sha-1"));
        Assert.False(HashAlgorithms.CanCompute("sha-1"));
        Assert.True(HashAlgorithms.CanCompute("sha-512"));
        Assert.False(HashAlgorithms.CanVerify("md5"));
        Assert.False(new ContentHash("blake2b-256", new byte[32]).CanVerify);
        Assert.False(new ContentHash("sha-256", new byte[5]).CanVerify);
        Assert.Throws<ArgumentException>(() => new ContentHasher("md5"));
    }

    [Theory]
    [InlineData("<hash xmlns='urn:xmpp:hashes:2'>AAAA</hash>")]
    [InlineData("<hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>not base64!</hash>")]
    [InlineData("<hash xmlns='urn:xmpp:hashes:2' algo='sha-256'></hash>")]
    public void A_hash_without_algorithm_or_digest_is_a_format_error(string xml)
    {
        Assert.Throws<FormatException>(() => ContentHash.FromXElement(XElement.Parse(xml)));
    }

    [Fact]
    public void A_finished_hasher_cannot_be_used_again()
    {
        var hasher = new ContentHasher();
        hasher.Finish();

        Assert.Throws<ObjectDisposedException>(() => hasher.Append(Content));
    }
}
