using System.Net.Security;
using System.Security.Authentication;
using System.Security.Authentication.ExtendedProtection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xmpp.Client.Sasl;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Sasl;

public class TlsChannelBindingTests
{
    private static X509Certificate2 CreateRsaCertificate(HashAlgorithmName hash, RSASignaturePadding padding)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=xmpp.example.com", rsa, hash, padding);
        using X509Certificate2 ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return CertificateLoading.Pkcs12(ephemeral.Export(X509ContentType.Pfx));
    }

    private static X509Certificate2 CreateEcdsaCertificate(HashAlgorithmName hash)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=xmpp.example.com", ecdsa, hash);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public void Server_end_point_of_a_sha256_signed_certificate_is_its_sha256_hash()
    {
        using X509Certificate2 certificate = CreateRsaCertificate(HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        Assert.Equal(SHA256.HashData(certificate.RawData), TlsChannelBinding.ComputeServerEndPoint(certificate));
    }

    [Fact]
    public void Server_end_point_of_a_sha384_signed_certificate_is_its_sha384_hash()
    {
        using X509Certificate2 certificate = CreateRsaCertificate(HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1);

        Assert.Equal(SHA384.HashData(certificate.RawData), TlsChannelBinding.ComputeServerEndPoint(certificate));
    }

    [Fact]
    public void Server_end_point_of_a_sha1_signed_certificate_is_upgraded_to_sha256()
    {
        // CertificateRequest no longer signs with SHA-1, so a generator that does is plugged in.
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=old.example.com", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 certificate = request.Create(
            request.SubjectName, new Sha1RsaSignatureGenerator(rsa), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), [1]);

        Assert.Equal("1.2.840.113549.1.1.5", certificate.SignatureAlgorithm.Value);
        Assert.Equal(SHA256.HashData(certificate.RawData), TlsChannelBinding.ComputeServerEndPoint(certificate));
    }

    [Fact]
    public void Server_end_point_of_an_ecdsa_sha512_certificate_is_its_sha512_hash()
    {
        using X509Certificate2 certificate = CreateEcdsaCertificate(HashAlgorithmName.SHA512);

        Assert.Equal(SHA512.HashData(certificate.RawData), TlsChannelBinding.ComputeServerEndPoint(certificate));
    }

    [Fact]
    public void Server_end_point_of_an_rsa_pss_certificate_uses_the_hash_in_the_pss_parameters()
    {
        using X509Certificate2 certificate = CreateRsaCertificate(HashAlgorithmName.SHA384, RSASignaturePadding.Pss);

        Assert.Equal("1.2.840.113549.1.1.10", certificate.SignatureAlgorithm.Value);
        Assert.Equal(SHA384.HashData(certificate.RawData), TlsChannelBinding.ComputeServerEndPoint(certificate));
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task Server_end_point_matches_the_binding_dotnet_computes_for_the_connection(SslProtocols protocol)
    {
        await using var tls = await TlsPair.ConnectAsync(protocol);

        using ChannelBinding? endpoint = tls.Client.TransportContext!.GetChannelBinding(ChannelBindingKind.Endpoint);
        byte[]? dotnet = TlsChannelBinding.ReadApplicationData(endpoint!, "tls-server-end-point:"u8.ToArray());

        Assert.NotNull(dotnet);
        Assert.Equal(dotnet, TlsChannelBinding.ComputeServerEndPoint(tls.Certificate));
    }

    [Fact]
    public async Task Tls_unique_on_tls12_is_the_12_byte_finished_message_both_ends_agree_on()
    {
        await using var tls = await TlsPair.ConnectAsync(SslProtocols.Tls12);

        byte[]? client = TlsChannelBinding.GetUnique(tls.Client);
        byte[]? server = TlsChannelBinding.GetUnique(tls.Server);

        Assert.NotNull(client);
        Assert.Equal(12, client.Length);
        Assert.Equal(client, server);
    }

    [Fact]
    public async Task Tls_unique_is_not_offered_on_tls13()
    {
        await using var tls = await TlsPair.ConnectAsync(SslProtocols.Tls13);

        Assert.Null(TlsChannelBinding.GetUnique(tls.Client));
    }

    [Fact]
    public async Task Available_bindings_on_tls12_are_unique_then_server_end_point()
    {
        await using var tls = await TlsPair.ConnectAsync(SslProtocols.Tls12);

        IReadOnlyList<ChannelBindingData> bindings = TlsChannelBinding.GetAvailable(tls.Client);

        Assert.Equal([ChannelBindingData.TlsUnique, ChannelBindingData.TlsServerEndPoint], bindings.Select(b => b.Type));
        Assert.Equal(SHA256.HashData(tls.Certificate.RawData), bindings[1].Data);
    }

    [Fact]
    public async Task Available_bindings_on_tls13_are_server_end_point_only()
    {
        await using var tls = await TlsPair.ConnectAsync(SslProtocols.Tls13);

        Assert.Equal([ChannelBindingData.TlsServerEndPoint], TlsChannelBinding.GetAvailable(tls.Client).Select(b => b.Type));
    }

    private sealed class Sha1RsaSignatureGenerator(RSA key) : X509SignatureGenerator
    {
        // AlgorithmIdentifier { sha1WithRSAEncryption, NULL }
        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
            [0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05, 0x05, 0x00];

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
            key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);

        protected override PublicKey BuildPublicKey() => CreateForRSA(key, RSASignaturePadding.Pkcs1).PublicKey;
    }

    private sealed class TlsPair : IAsyncDisposable
    {
        private TlsPair(SslStream client, SslStream server, X509Certificate2 certificate)
        {
            Client = client;
            Server = server;
            Certificate = certificate;
        }

        public SslStream Client { get; }

        public SslStream Server { get; }

        public X509Certificate2 Certificate { get; }

        public static async Task<TlsPair> ConnectAsync(SslProtocols protocol)
        {
            X509Certificate2 certificate = CreateRsaCertificate(HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            (DuplexTestStream a, DuplexTestStream b) = DuplexTestStream.CreatePair();
            var client = new SslStream(a);
            var server = new SslStream(b);
            await Task.WhenAll(
                client.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = "xmpp.example.com",
                    EnabledSslProtocols = protocol,
                    RemoteCertificateValidationCallback = (_, _, _, _) => true, // a throwaway self-signed test certificate
                }),
                server.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    EnabledSslProtocols = protocol,
                }));
            Assert.Equal(protocol, client.SslProtocol);
            return new TlsPair(client, server, certificate);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
            Certificate.Dispose();
        }
    }
}
