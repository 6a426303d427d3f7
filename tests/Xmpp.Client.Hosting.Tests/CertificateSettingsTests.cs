using Microsoft.Extensions.DependencyInjection;

namespace Xmpp.Client.Hosting.Tests;

public sealed class CertificateSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xmpp-hosting-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Certificates_are_trusted_from_files_and_from_PEM_text()
    {
        var (fileCa, fileThumbprint) = TestCertificates.CreateCa("File CA");
        var (textCa, textThumbprint) = TestCertificates.CreateCa("Text CA");
        var path = Path.Combine(_directory, "ca.pem");
        File.WriteAllText(path, fileCa);
        await using var provider = TestHost.Services(("Xmpp:Jid", "bot@example.com"), ("Xmpp:Password", "p"),
            ("Xmpp:TrustedCertificateFiles:0", path), ("Xmpp:TrustedCertificatesPem", textCa));

        var trusted = provider.GetRequiredService<XmppClient>().Options.TrustedCertificates!;

        Assert.Equal([fileThumbprint, textThumbprint], trusted.Select(c => c.Thumbprint));
    }

    [Fact]
    public async Task A_file_without_a_certificate_is_refused_with_its_key()
    {
        var path = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(path, "not a certificate");

        var failure = Assert.Single(await TestHost.FailuresAsync(("Xmpp:Jid", "bot@example.com"), ("Xmpp:Password", "p"),
            ("Xmpp:TrustedCertificateFiles:0", path)));

        Assert.StartsWith("Xmpp:TrustedCertificateFiles:0: the file ", failure, StringComparison.Ordinal);
        Assert.Contains("holds no PEM certificate", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_PEM_text_is_refused_with_its_key()
    {
        var failure = Assert.Single(await TestHost.FailuresAsync(("Xmpp:Jid", "bot@example.com"), ("Xmpp:Password", "p"),
            ("Xmpp:TrustedCertificatesPem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----")));

        Assert.StartsWith("Xmpp:TrustedCertificatesPem: the text is not valid PEM", failure, StringComparison.Ordinal);
    }
}
