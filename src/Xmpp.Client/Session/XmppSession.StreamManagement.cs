using Microsoft.Extensions.Logging;
using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

internal sealed partial class XmppSession
{
    // 1 while an answer to <r/> waits for the writer: further requests are answered by it.
    private int _ackAnswerPending;

    /// <summary>Handles <c>&lt;r/&gt;</c> (answered with our count) and <c>&lt;a/&gt;</c> (the server's count) on the read loop.</summary>
    private async ValueTask OnStreamManagementAsync(XmppElement element, CancellationToken cancellationToken)
    {
        switch (element.Name)
        {
            case "r":
                // Answered off the read loop: a writer pushed back by the network must not stop us reading. At most one
                // answer waits: it takes the count when it is written, so it answers every request read before then.
                if (Interlocked.Exchange(ref _ackAnswerPending, 1) == 0)
                {
                    _ = AnswerAckRequestsAsync();
                }

                break;
            case "a" when StreamManagementCounter.TryParse(element.GetAttribute("h"), out var h):
                int count;
                try
                {
                    count = _settings.Outbound.Acknowledge(h, Writer);
                }
                catch (HandledCountTooHighException error)
                {
                    // XEP-0198 §5: a count higher than what was sent ends the stream, and the session is not resumed.
                    Writer.Close();
                    await Writer.DrainAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                    _settings.StreamManagement.Forget();
                    throw await error.FailStreamAsync(_stream, cancellationToken).ConfigureAwait(false);
                }

                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    SessionLog.Acknowledged(_logger, count, h);
                }

                break;
            default:
                await _handler.OnNonStanzaAsync(element, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task AnswerAckRequestsAsync()
    {
        try
        {
            await Writer.WriteAsync(() =>
            {
                // Cleared (with a full fence) before the count is read: a request read after this gets its own answer,
                // one read before is counted in this one.
                Interlocked.Exchange(ref _ackAnswerPending, 0);
                return new XmppElement("a", Namespaces.StreamManagement)
                    .SetAttribute("h", StreamManagementCounter.Format(_settings.StreamManagement.InboundHandled));
            }, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppConnectionLostException or OperationCanceledException or ObjectDisposedException)
        {
            SessionLog.KeepAliveFailed(_logger, error);
        }
    }
}
