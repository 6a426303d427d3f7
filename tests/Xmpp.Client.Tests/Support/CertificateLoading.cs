using System.Security.Cryptography.X509Certificates;

namespace Xmpp.Client.Tests.Support;

/// <summary>
/// Loads certificates on every target: <c>X509CertificateLoader</c> exists from .NET 9; on .NET 8 the constructors
/// (obsolete from .NET 9) do the same.
/// </summary>
internal static class CertificateLoading
{
    public static X509Certificate2 Pkcs12(byte[] data) =>
#if NET9_0_OR_GREATER
        X509CertificateLoader.LoadPkcs12(data, null);
#else
        new(data, (string?)null);
#endif

    public static X509Certificate2 Certificate(byte[] data) =>
#if NET9_0_OR_GREATER
        X509CertificateLoader.LoadCertificate(data);
#else
        new(data);
#endif
}
