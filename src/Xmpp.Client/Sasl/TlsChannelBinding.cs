using System.Formats.Asn1;
using System.Net.Security;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Security.Authentication.ExtendedProtection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Xmpp.Client.Sasl;

/// <summary>
/// Computes the channel bindings a TLS connection can supply to SCRAM-*-PLUS.
/// </summary>
/// <remarks>
/// <para><c>tls-server-end-point</c> (RFC 5929 §4) is computed here from the server's certificate, on every platform.</para>
/// <para><c>tls-unique</c> (RFC 5929 §3) comes from <see cref="System.Net.TransportContext.GetChannelBinding(ChannelBindingKind)"/> with
/// <see cref="ChannelBindingKind.Unique"/>, which .NET implements on Linux (OpenSSL), Windows and macOS. It is only
/// offered for TLS 1.2: RFC 9266 §3 forbids it for TLS 1.3, and this library does not negotiate anything older.</para>
/// <para><c>tls-exporter</c> (RFC 9266) needs an RFC 5705 keying-material exporter, which .NET does not expose, so it
/// is never available. On TLS 1.3 that leaves <c>tls-server-end-point</c>, used when the server lists it in
/// XEP-0440 <c>&lt;sasl-channel-binding/&gt;</c>.</para>
/// </remarks>
internal static class TlsChannelBinding
{
    /// <summary>The bindings this authenticated TLS connection can supply, best first (may be empty).</summary>
    /// <param name="stream">The authenticated client stream.</param>
    public static IReadOnlyList<ChannelBindingData> GetAvailable(SslStream stream)
    {
        var bindings = new List<ChannelBindingData>(2);
        byte[]? unique = GetUnique(stream);
        if (unique is not null)
        {
            bindings.Add(new ChannelBindingData(ChannelBindingData.TlsUnique, unique));
        }

        // .NET always exposes the peer certificate as an X509Certificate2; it belongs to the stream (not disposed here).
        if (stream.RemoteCertificate is X509Certificate2 certificate)
        {
            byte[]? endPoint = ComputeServerEndPoint(certificate);
            if (endPoint is not null)
            {
                bindings.Add(new ChannelBindingData(ChannelBindingData.TlsServerEndPoint, endPoint));
            }
        }

        return bindings;
    }

    /// <summary>
    /// The <c>tls-server-end-point</c> binding of RFC 5929 §4.1: the hash of the DER certificate with the hash
    /// function of the certificate's signature algorithm, where MD5 and SHA-1 are replaced by SHA-256.
    /// </summary>
    /// <param name="certificate">The server's (end-entity) certificate.</param>
    /// <returns>The hash, or <see langword="null"/> when the signature algorithm defines no usable hash (such as Ed25519).</returns>
    public static byte[]? ComputeServerEndPoint(X509Certificate2 certificate)
    {
        HashAlgorithmName? hash = GetEndPointHash(certificate);
        if (hash is null)
        {
            return null;
        }

        byte[] der = certificate.RawData;
        if (hash == HashAlgorithmName.SHA384)
        {
            return SHA384.HashData(der);
        }

        return hash == HashAlgorithmName.SHA512 ? SHA512.HashData(der) : SHA256.HashData(der);
    }

    /// <summary>The <c>tls-unique</c> binding of an authenticated TLS 1.2 connection, else <see langword="null"/>.</summary>
    /// <param name="stream">The authenticated client stream.</param>
    public static byte[]? GetUnique(SslStream stream)
    {
        if (stream.SslProtocol != SslProtocols.Tls12)
        {
            return null;
        }

        using ChannelBinding? binding = stream.TransportContext?.GetChannelBinding(ChannelBindingKind.Unique);
        return binding is null || binding.IsInvalid ? null : ReadApplicationData(binding, "tls-unique:"u8);
    }

    /// <summary>
    /// Reads the binding out of a .NET <see cref="ChannelBinding"/>: it holds a SEC_CHANNEL_BINDINGS structure (eight
    /// 32-bit fields) whose application data is <c>"&lt;type&gt;:"</c> followed by the binding, on every platform.
    /// </summary>
    /// <param name="binding">The binding from <see cref="System.Net.TransportContext.GetChannelBinding(ChannelBindingKind)"/>.</param>
    /// <param name="prefix">The expected type prefix, such as <c>tls-unique:</c>.</param>
    /// <returns>The binding data, or <see langword="null"/> when the layout or prefix is not the expected one.</returns>
    internal static byte[]? ReadApplicationData(ChannelBinding binding, ReadOnlySpan<byte> prefix)
    {
        const int HeaderSize = 32;
        bool added = false;
        try
        {
            binding.DangerousAddRef(ref added);
            IntPtr start = binding.DangerousGetHandle();
            int length = Marshal.ReadInt32(start, 24);
            int offset = Marshal.ReadInt32(start, 28);
            if (offset < HeaderSize || length <= prefix.Length || offset + length > binding.Size)
            {
                return null;
            }

            byte[] data = new byte[length];
            Marshal.Copy(start + offset, data, 0, length);
            return data.AsSpan().StartsWith(prefix) ? data[prefix.Length..] : null;
        }
        finally
        {
            if (added)
            {
                binding.DangerousRelease();
            }
        }
    }

    private static HashAlgorithmName? GetEndPointHash(X509Certificate2 certificate) => certificate.SignatureAlgorithm.Value switch
    {
        "1.2.840.113549.1.1.4" or "1.2.840.113549.1.1.5" or "1.2.840.113549.1.1.11" => HashAlgorithmName.SHA256, // RSA with MD5, SHA-1, SHA-256
        "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
        "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
        "1.2.840.10045.4.1" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256, // ECDSA with SHA-1, SHA-256
        "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
        "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
        "1.2.840.10040.4.3" or "2.16.840.1.101.3.4.3.2" => HashAlgorithmName.SHA256, // DSA with SHA-1, SHA-256
        "1.2.840.113549.1.1.10" => GetPssHash(certificate.RawData), // RSASSA-PSS: the hash is in the parameters
        _ => null,
    };

    // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signature }
    // RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] AlgorithmIdentifier DEFAULT sha1, ... } (RFC 4055)
    private static HashAlgorithmName? GetPssHash(byte[] der)
    {
        var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        certificate.ReadEncodedValue();
        var algorithm = certificate.ReadSequence();
        algorithm.ReadObjectIdentifier();
        if (!algorithm.HasData)
        {
            return HashAlgorithmName.SHA256;
        }

        var parameters = algorithm.ReadSequence();
        var hashTag = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        if (!parameters.HasData || !parameters.PeekTag().HasSameClassAndValue(hashTag))
        {
            return HashAlgorithmName.SHA256; // default sha1, upgraded
        }

        string hashOid = parameters.ReadSequence(hashTag).ReadSequence().ReadObjectIdentifier();
        return hashOid switch
        {
            "1.3.14.3.2.26" or "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
            "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
            "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
            _ => null,
        };
    }
}
