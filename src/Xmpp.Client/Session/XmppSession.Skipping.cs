using Xmpp.Client.Internal;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// Stanzas skipped for breaking a per-stanza limit (depth, attributes, size): anyone can send one through the
/// server, and the server redelivers what the client did not take (offline storage, resumption), so ending the stream
/// would take the client offline for good. The stanza is logged with its sender, counted, acknowledged as handled
/// (XEP-0198); an IQ request is answered with <c>policy-violation</c> so its sender does not wait, and an answer to
/// one of ours fails that request at once.
/// </summary>
internal sealed partial class XmppSession
{
    private async ValueTask OnSkippedAsync(SkippedElement skipped, CancellationToken cancellationToken)
    {
        SessionLog.StanzaSkipped(_logger, skipped.Name ?? "(name not read)", skipped.Length, skipped.Id ?? "(none)",
            skipped.From ?? "(none: the server)", skipped.Reason);
        bool stanza = skipped.Namespace == Namespaces.Client && skipped.Name is "message" or "presence" or "iq";
        if (stanza && Negotiated.StreamManagement)
        {
            _settings.StreamManagement.CountInbound(); // the server counts it as sent; we have handled it by skipping
        }

        _handler.OnSkipped(skipped);
        if (!stanza || skipped.Name != "iq" || string.IsNullOrEmpty(skipped.Id) || (skipped.From is null && !skipped.StartTagRead))
        {
            return; // not an IQ, or its sender is unknown: a 'from' not read yet is not "from the server"
        }

        if (skipped.Type is "get" or "set")
        {
            await AnswerSkippedRequestAsync(skipped, skipped.Id, cancellationToken).ConfigureAwait(false);
        }
        else if (skipped.Type is "result" or "error")
        {
            FailSkippedAnswer(skipped, skipped.Id);
        }
    }

    /// <summary>An answer too large (or deep, or wide) to read fails its request at once instead of timing out.</summary>
    private void FailSkippedAnswer(SkippedElement skipped, string id)
    {
        Jid? from = null;
        if (skipped.From is { } text)
        {
            if (!Jid.TryParse(text, out var sender))
            {
                return; // not a sender any request could be waiting for
            }

            from = sender;
        }

        _settings.Iqs.TryFail(id, from, new XmppException(
            $"The answer to the IQ request '{id}' was skipped unread: {skipped.Reason}. If answers this large are expected, "
            + "raise XmppClientOptions.MaxStanzaBytes."));
    }

    private async ValueTask AnswerSkippedRequestAsync(SkippedElement skipped, string id, CancellationToken cancellationToken)
    {
        var reply = new XmppElement("iq", Namespaces.Client).SetAttribute("type", "error").SetAttribute("id", id);
        if (skipped.From is { } from)
        {
            if (!Jid.TryParse(from, out var sender))
            {
                return; // an answer would go nowhere useful
            }

            reply.SetAttribute("to", sender.ToString());
        }

        reply.Add(new StanzaError(StanzaErrorCondition.PolicyViolation, $"This client did not process the request: {skipped.Reason}.")
            .ToElement());
        await Writer.WriteStanzaAsync(reply, cancellationToken).ConfigureAwait(false);
        SessionLog.SkippedIqAnswered(_logger, id, skipped.From ?? "(the server)");
    }
}
