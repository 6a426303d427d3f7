using System.Net.Security;

namespace Xmpp.Client;

/// <summary>
/// TLS could not be established: the server offered no TLS while it is required, the handshake failed, or the
/// server's certificate was rejected (<see cref="CertificateErrors"/> and the message name the problem). Fix the
/// server's certificate, or trust its CA with <see cref="XmppClientOptions.TrustedCertificates"/>.
/// </summary>
public sealed class XmppTlsException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do about it.</param>
    /// <param name="certificateErrors">The certificate problems found, if the certificate was the cause.</param>
    /// <param name="innerException">The underlying TLS failure, if any.</param>
    public XmppTlsException(string message, SslPolicyErrors certificateErrors = SslPolicyErrors.None,
        Exception? innerException = null)
        : base(message, innerException)
    {
        CertificateErrors = certificateErrors;
    }

    /// <summary>The certificate problems found; <see cref="SslPolicyErrors.None"/> when the certificate was not the cause.</summary>
    public SslPolicyErrors CertificateErrors { get; }
}
