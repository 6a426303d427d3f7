using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Xmpp.Client.Hosting.Tests;

/// <summary>A self-signed CA certificate made for the test, as PEM.</summary>
internal static class TestCertificates
{
    public static (string Pem, string Thumbprint) CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return (certificate.ExportCertificatePem(), certificate.Thumbprint);
    }
}
