using System.Globalization;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// Enables (XEP-0198 §3) or resumes (§5) stream management on a stream whose negotiation is otherwise complete.
/// Elements the server sends before its answer are kept for the read loop, not lost (up to the bound of
/// <see cref="EarlyElements"/>; beyond it the stream ends with <c>resource-constraint</c>).
/// </summary>
internal sealed class StreamManagementNegotiator
{
    private readonly StreamManagementState _state;
    private readonly OutboundQueue _outbound;
    private readonly ILogger _logger;

    /// <param name="state">What the client remembers of its stream-management session.</param>
    /// <param name="outbound">What was sent on it (to check the server's count on resumption).</param>
    /// <param name="logger">Where the outcome is logged.</param>
    public StreamManagementNegotiator(StreamManagementState state, OutboundQueue outbound, ILogger logger)
    {
        _state = state;
        _outbound = outbound;
        _logger = logger;
    }

    /// <summary>Whether the server offers stream management in these features.</summary>
    public static bool IsOffered(XmppElement features) => features.Element("sm", Namespaces.StreamManagement) is not null;

    /// <summary>Asks for stream management with resumption; <see langword="true"/> when the server enabled it.</summary>
    public async Task<bool> EnableAsync(XmppStream stream, EarlyElements early, CancellationToken cancellationToken)
    {
        var enable = new XmppElement("enable", Namespaces.StreamManagement).SetAttribute("resume", "true");
        await stream.WriteAsync(enable, cancellationToken).ConfigureAwait(false);
        var answer = await ReadAnswerAsync(stream, "enabled", early, cancellationToken).ConfigureAwait(false);
        if (answer.Name != "enabled")
        {
            _state.Forget();
            SessionLog.StreamManagementRefused(_logger, FailureCondition(answer));
            return false;
        }

        var resumable = answer.GetAttribute("resume") is "true" or "1";
        var max = int.TryParse(answer.GetAttribute("max"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;
        _state.Enabled(resumable ? answer.GetAttribute("id") : null, answer.GetAttribute("location"), max);
        SessionLog.StreamManagementEnabled(_logger, resumable, max?.TotalSeconds ?? -1);
        return true;
    }

    /// <summary>
    /// Asks to resume the previous session. Returns the number of our stanzas the server handled (its <c>h</c>) and
    /// whether it resumed; on failure the <c>h</c> is the one the server may include in <c>&lt;failed/&gt;</c>.
    /// </summary>
    /// <exception cref="XmppStreamErrorException">The server resumed with a count higher than what was sent: the
    /// client ended the stream (XEP-0198 §5) and forgot the session, so the next connection starts a new one.</exception>
    public async Task<(bool Resumed, uint? Handled)> ResumeAsync(XmppStream stream, EarlyElements early, CancellationToken cancellationToken)
    {
        var previous = _state.ResumptionId ?? throw new InvalidOperationException("There is no session to resume.");
        var resume = new XmppElement("resume", Namespaces.StreamManagement)
            .SetAttribute("previd", previous)
            .SetAttribute("h", StreamManagementCounter.Format(_state.InboundHandled));
        await stream.WriteAsync(resume, cancellationToken).ConfigureAwait(false);
        var answer = await ReadAnswerAsync(stream, "resumed", early, cancellationToken).ConfigureAwait(false);
        uint? handled = StreamManagementCounter.TryParse(answer.GetAttribute("h"), out var h) ? h : null;
        if (answer.Name == "resumed" && handled is not null)
        {
            if (!_outbound.Fits(h, out var sent))
            {
                _state.Forget();
                throw await new HandledCountTooHighException(h, sent).FailStreamAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            SessionLog.StreamManagementResumed(_logger, previous, h);
            return (true, handled);
        }

        if (answer.Name == "resumed")
        {
            throw new XmppException("The server resumed the session without saying how many stanzas it handled (no 'h').");
        }

        _state.Forget();
        SessionLog.ResumptionFailed(_logger, FailureCondition(answer));
        return (false, handled);
    }

    private static async Task<XmppElement> ReadAnswerAsync(XmppStream stream, string success, EarlyElements early, CancellationToken cancellationToken)
    {
        while (true)
        {
            var element = await stream.ReadElementAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new XmppConnectionLostException("The server closed the stream while stream management was negotiated.");
            if (element.Namespace == Namespaces.StreamManagement && (element.Name == success || element.Name == "failed"))
            {
                return element;
            }

            if (!early.TryAdd(element))
            {
                // Nothing legitimate comes in such numbers here: end the stream rather than buffer without bound.
                var message = $"The server sent more than {early.Describe()} before answering the stream management request; the stream was closed.";
                await stream.FailAsync(StreamErrorCondition.ResourceConstraint, cancellationToken).ConfigureAwait(false);
                throw new XmppStreamErrorException(StreamErrorCondition.ResourceConstraint, message, sentByClient: true);
            }
        }
    }

    private static string FailureCondition(XmppElement failed) =>
        failed.Elements().FirstOrDefault(e => e.Namespace == Namespaces.Stanzas)?.Name ?? "no condition given";
}
