using System.Security.Cryptography;
using System.Text;

namespace Xmpp.Client.Tests.Sasl;

/// <summary>
/// A minimal SCRAM server (RFC 5802 §3/§5), written independently of the client with IncrementalHash, to check the
/// client against something other than itself.
/// </summary>
internal sealed class ScramTestServer(HashAlgorithmName hash, string username, string password, byte[] salt, int iterations, string serverNonceSuffix)
{
    private string _clientFirstBare = "";
    private string _serverFirst = "";

    /// <summary>The channel binding data the server expects after the gs2 header (null: expects no binding).</summary>
    public byte[]? ExpectedBinding { get; init; }

    public string GetServerFirst(string clientFirst)
    {
        // gs2-header is "<flag>,<authzid>," ; the bare message follows the second comma.
        int second = clientFirst.IndexOf(',', clientFirst.IndexOf(',') + 1);
        _clientFirstBare = clientFirst[(second + 1)..];
        string clientNonce = _clientFirstBare.Split(',')[1][2..];
        Assert.Equal("n=" + username, _clientFirstBare.Split(',')[0]);
        _serverFirst = $"r={clientNonce}{serverNonceSuffix},s={Convert.ToBase64String(salt)},i={iterations}";
        return _serverFirst;
    }

    /// <summary>Checks the client's proof and channel binding; returns server-final, or "e=…" on failure.</summary>
    public string GetServerFinal(string clientFinal)
    {
        string[] parts = clientFinal.Split(',');
        byte[] cbind = Convert.FromBase64String(parts[0][2..]);
        string withoutProof = $"{parts[0]},{parts[1]}";
        byte[] proof = Convert.FromBase64String(parts[2][2..]);
        string gs2 = Encoding.UTF8.GetString(cbind, 0, IndexOfSecondComma(cbind) + 1);
        byte[] boundData = cbind[(IndexOfSecondComma(cbind) + 1)..];
        if (ExpectedBinding is null ? boundData.Length != 0 || gs2.StartsWith("p=", StringComparison.Ordinal) : !boundData.SequenceEqual(ExpectedBinding))
        {
            return "e=channel-bindings-dont-match";
        }

        byte[] authMessage = Encoding.UTF8.GetBytes($"{_clientFirstBare},{_serverFirst},{withoutProof}");
        int size = HashSize();
        byte[] salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, hash, size);
        byte[] storedKey = Hash(Hmac(salted, "Client Key"u8.ToArray()));
        byte[] clientSignature = Hmac(storedKey, authMessage);
        byte[] clientKey = proof.Zip(clientSignature, (a, b) => (byte)(a ^ b)).ToArray();
        if (!Hash(clientKey).SequenceEqual(storedKey))
        {
            return "e=invalid-proof";
        }

        return "v=" + Convert.ToBase64String(Hmac(Hmac(salted, "Server Key"u8.ToArray()), authMessage));
    }

    private static int IndexOfSecondComma(byte[] data) => Array.IndexOf(data, (byte)',', Array.IndexOf(data, (byte)',') + 1);

    private int HashSize()
    {
        using var h = IncrementalHash.CreateHash(hash);
        return h.HashLengthInBytes;
    }

    private byte[] Hmac(byte[] key, byte[] data)
    {
        using var h = IncrementalHash.CreateHMAC(hash, key);
        h.AppendData(data);
        return h.GetHashAndReset();
    }

    private byte[] Hash(byte[] data)
    {
        using var h = IncrementalHash.CreateHash(hash);
        h.AppendData(data);
        return h.GetHashAndReset();
    }
}
