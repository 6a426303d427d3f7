using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Xmpp.Client.Net;

/// <summary>
/// The TLS settings of one connection attempt: TLS 1.2 or 1.3 only, SNI and certificate name set to the JID's domain,
/// the chain validated against the system's roots or the user's trusted certificates. Remembers why a certificate
/// was rejected so the error can name the problem.
/// </summary>
internal sealed class TlsClientSettings
{
    private SslPolicyErrors _rejectedFor;
    private string? _chainProblems;

    public TlsClientSettings(string domain, XmppClientOptions options, IList<SslApplicationProtocol>? applicationProtocols = null)
    {
        Domain = domain;
        var userCallback = options.CertificateValidation;
        AuthenticationOptions = new SslClientAuthenticationOptions
        {
            TargetHost = domain,
            EnabledSslProtocols = options.TlsProtocols & (SslProtocols.Tls12 | SslProtocols.Tls13),
            ApplicationProtocols = applicationProtocols is null ? null : new List<SslApplicationProtocol>(applicationProtocols),
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                var accepted = userCallback?.Invoke(sender, certificate, chain, errors) ?? errors == SslPolicyErrors.None;
                if (!accepted)
                {
                    _rejectedFor = errors;
                    _chainProblems = chain is null ? null : string.Join(", ", chain.ChainStatus
                        .Where(status => status.Status != X509ChainStatusFlags.NoError)
                        .Select(status => status.StatusInformation.Trim()));
                }

                return accepted;
            },
        };

        if (userCallback is null && options.TrustedCertificates is { Count: > 0 } trusted)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(trusted);
            AuthenticationOptions.CertificateChainPolicy = policy;
        }
    }

    /// <summary>The name the certificate must carry (the JID's domain), also sent as SNI.</summary>
    public string Domain { get; }

    /// <summary>The options handed to <see cref="SslStream.AuthenticateAsClientAsync(SslClientAuthenticationOptions, CancellationToken)"/>.</summary>
    public SslClientAuthenticationOptions AuthenticationOptions { get; }

    /// <summary>Turns a handshake failure into an exception that names the problem.</summary>
    public XmppTlsException DescribeFailure(Exception error)
    {
        if (_rejectedFor == SslPolicyErrors.None)
        {
            return new XmppTlsException($"The TLS handshake with the server of '{Domain}' failed: {error.Message}", innerException: error);
        }

        var problems = new List<string>();
        if (_rejectedFor.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            problems.Add("the server sent no certificate");
        }

        if (_rejectedFor.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problems.Add($"the certificate is not valid for '{Domain}'");
        }

        if (_rejectedFor.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            problems.Add(string.IsNullOrEmpty(_chainProblems)
                ? "the certificate chain is not trusted"
                : $"the certificate chain is not trusted ({_chainProblems})");
        }

        return new XmppTlsException(
            $"The server's certificate for '{Domain}' was rejected: {string.Join("; ", problems)}. " +
            "If the server uses a private CA or a self-signed certificate, trust it with XmppClientOptions.TrustedCertificates.",
            _rejectedFor, error);
    }
}
