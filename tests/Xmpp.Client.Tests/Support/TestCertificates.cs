using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Xmpp.Client.Tests.Support;

/// <summary>Self-signed server certificates made in the test, for in-memory TLS.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 SelfSigned(string dnsName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return CertificateLoading.Pkcs12(certificate.Export(X509ContentType.Pkcs12));
    }

    /// <summary>The public part only, as a client would be given it.</summary>
    public static X509Certificate2 PublicPart(X509Certificate2 certificate) =>
        CertificateLoading.Certificate(certificate.RawData);
}
