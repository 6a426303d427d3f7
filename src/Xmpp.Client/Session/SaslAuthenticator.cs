using Microsoft.Extensions.Logging;
using Xmpp.Client.Internal;
using Xmpp.Client.Sasl;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// Runs SASL (RFC 6120 §6) over the stream: chooses the strongest mechanism both sides allow, exchanges
/// challenges and responses, and verifies the server's proof on success. Credentials are never logged.
/// </summary>
internal sealed class SaslAuthenticator
{
    private readonly XmppClientOptions _options;
    private readonly ILogger _logger;

    private readonly string? _password;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="options">The account.</param>
    /// <param name="password">The password to use: <see cref="XmppClientOptions.Password"/>, or the one it was changed to.</param>
    /// <param name="logger">Where logs go.</param>
    public SaslAuthenticator(XmppClientOptions options, string? password, ILogger logger)
    {
        _options = options;
        _password = password;
        _logger = logger;
    }

    /// <summary>Authenticates; returns the mechanism used. The caller restarts the stream afterwards.</summary>
    public async Task<string> AuthenticateAsync(XmppStream stream, XmppElement features, CancellationToken cancellationToken)
    {
        var offered = features.Element("mechanisms", Namespaces.Sasl)?.Elements("mechanism", Namespaces.Sasl)
            .Select(mechanism => mechanism.Value.Trim()).ToList() ?? [];
        var serverBindings = features.Element("sasl-channel-binding", Namespaces.SaslChannelBinding)?
            .Elements("channel-binding", Namespaces.SaslChannelBinding)
            .Select(binding => binding.GetAttribute("type")).OfType<string>().ToList();
        SaslMechanism mechanism;
        try
        {
            mechanism = SelectMechanism(offered, serverBindings, stream);
        }
        catch (ArgumentException unusable)
        {
            // The credentials cannot be prepared (SASLprep): nothing was sent, and no retry can help.
            throw new XmppAuthenticationException($"Cannot log in as '{_options.Jid.Bare}': {unusable.Message}", unusable);
        }

        SessionLog.SaslMechanismChosen(_logger, mechanism.Name);
        var auth = new XmppElement("auth", Namespaces.Sasl).SetAttribute("mechanism", mechanism.Name)
            .AddText(Encode(mechanism.GetInitialResponse()));
        await stream.WriteAsync(auth, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var answer = await stream.ReadElementAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new XmppConnectionLostException("The server closed the stream during authentication.");
            if (answer.Namespace != Namespaces.Sasl)
            {
                throw SaslErrors.InvalidServerResponse(mechanism.Name, $"unexpected <{answer.Name}/> in '{answer.Namespace}'");
            }

            switch (answer.Name)
            {
                case "challenge":
                    var response = mechanism.RespondToChallenge(Decode(answer, mechanism.Name));
                    await stream.WriteAsync(new XmppElement("response", Namespaces.Sasl).AddText(Encode(response)), cancellationToken)
                        .ConfigureAwait(false);
                    break;
                case "success":
                    mechanism.VerifySuccess(Decode(answer, mechanism.Name));
                    return mechanism.Name;
                case "failure":
                    var condition = answer.Elements().FirstOrDefault(e => e.Namespace == Namespaces.Sasl && e.Name != "text")?.Name;
                    var text = answer.Element("text", Namespaces.Sasl)?.Value;
                    await stream.CloseAsync(cancellationToken).ConfigureAwait(false);
                    throw SaslErrors.Failure(SaslErrors.ParseCondition(condition ?? string.Empty), text, mechanism.Name);
                default:
                    throw SaslErrors.InvalidServerResponse(mechanism.Name, $"unexpected <{answer.Name}/>");
            }
        }
    }

    /// <summary>RFC 6120 §6.4.2: an empty response is sent as a single '='.</summary>
    private static string Encode(byte[] data) => data.Length == 0 ? "=" : Convert.ToBase64String(data);

    private static byte[] Decode(XmppElement element, string mechanism)
    {
        var text = element.Value.Trim();
        if (text.Length == 0 || text == "=")
        {
            return [];
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw SaslErrors.InvalidServerResponse(mechanism, $"<{element.Name}/> is not valid base64");
        }
    }

    private SaslMechanism SelectMechanism(List<string> offered, List<string>? serverBindings, XmppStream stream)
    {
        var tls = stream.Transport.Tls;
        return SaslMechanismSelector.Select(
            offered,
            _options.Jid.Local,
            _password,
            _options.SaslMechanisms,
            tls is null ? [] : TlsChannelBinding.GetAvailable(tls),
            serverBindings,
            stream.Transport.IsEncrypted,
            allowPlainWithoutTls: _options.TlsMode == TlsMode.Disabled);
    }
}
