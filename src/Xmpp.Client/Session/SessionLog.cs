using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Session;

/// <summary>The session's log messages, with stable event ids (1000–1999). Never logs secrets.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(1000, LogLevel.Debug, "Stream opened to {Domain}")]
    public static partial void StreamOpened(ILogger logger, string domain);

    [LoggerMessage(1001, LogLevel.Warning, "Could not send the stream error {Condition}")]
    public static partial void StreamErrorNotSent(ILogger logger, StreamErrorCondition condition, Exception error);

    [LoggerMessage(1002, LogLevel.Information, "TLS established with {Remote} ({Protocol}, {Cipher})")]
    public static partial void TlsEstablished(ILogger logger, string remote, System.Security.Authentication.SslProtocols protocol, string cipher);

    [LoggerMessage(1003, LogLevel.Information, "Authenticating with SASL {Mechanism}")]
    public static partial void SaslMechanismChosen(ILogger logger, string mechanism);

    [LoggerMessage(1004, LogLevel.Information, "Bound as {Jid}")]
    public static partial void Bound(ILogger logger, string jid);

    [LoggerMessage(1005, LogLevel.Trace, "SEND {Xml}")]
    public static partial void Sent(ILogger logger, string xml);

    [LoggerMessage(1006, LogLevel.Trace, "RECV {Xml}")]
    public static partial void Received(ILogger logger, string xml);

    [LoggerMessage(1007, LogLevel.Debug, "Establishing the RFC 3921 session the server requires")]
    public static partial void EstablishingSession(ILogger logger);

    [LoggerMessage(1008, LogLevel.Information, "Connecting to {Endpoint}")]
    public static partial void Connecting(ILogger logger, string endpoint);

    [LoggerMessage(1009, LogLevel.Warning, "Could not connect to {Endpoint}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(1010, LogLevel.Information, "The server redirects to {Host} (see-other-host)")]
    public static partial void Redirected(ILogger logger, string host);

    [LoggerMessage(1011, LogLevel.Error, "An event handler for {Event} threw")]
    public static partial void HandlerFailed(ILogger logger, string @event, Exception error);

    [LoggerMessage(1012, LogLevel.Warning, "Ignored an IQ reply with id {Id} from {From}: the request went to {To}")]
    public static partial void SpoofedIqReply(ILogger logger, string id, string from, string to);

    [LoggerMessage(1013, LogLevel.Information, "Session ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, string reason);

    [LoggerMessage(1014, LogLevel.Debug, "The answer to the IQ request {Id} could not be sent: the session is ending")]
    public static partial void AnswerNotSent(ILogger logger, string id, Exception error);
}
