using System.Text;

namespace Xmpp.Client;

/// <summary>
/// No connection to the server could be opened, or what answered was not an XMPP server (a web server, another
/// service, a direct-TLS port spoken to in plain text). <see cref="Attempts"/> lists each endpoint tried (from DNS SRV
/// records or the fallback) and why it failed; check the domain's DNS records, the network, or set
/// <see cref="XmppClientOptions.Host"/> and <see cref="XmppClientOptions.Port"/>.
/// </summary>
public sealed class XmppConnectException : XmppException
{
    /// <summary>Creates the exception from the attempts made.</summary>
    /// <param name="domain">The domain that was being connected to.</param>
    /// <param name="attempts">Every endpoint tried, in order, with the reason it failed.</param>
    public XmppConnectException(string domain, IReadOnlyList<XmppConnectAttempt> attempts)
        : base(Describe(domain, attempts ?? throw new ArgumentNullException(nameof(attempts))),
               attempts.Count > 0 ? attempts[^1].Error : null)
    {
        Domain = domain;
        Attempts = attempts;
    }

    /// <summary>The domain that was being connected to.</summary>
    public string Domain { get; }

    /// <summary>Every endpoint tried, in order, with the reason it failed.</summary>
    public IReadOnlyList<XmppConnectAttempt> Attempts { get; }

    private static string Describe(string domain, IReadOnlyList<XmppConnectAttempt> attempts)
    {
        var text = new StringBuilder();
        text.Append("Could not connect to the XMPP server of '").Append(domain).Append('\'');
        if (attempts.Count == 0)
        {
            return text.Append(": no endpoint was found.").ToString();
        }

        text.Append("; tried:");
        foreach (var attempt in attempts)
        {
            text.AppendLine().Append("  - ").Append(attempt);
        }

        return text.ToString();
    }
}
