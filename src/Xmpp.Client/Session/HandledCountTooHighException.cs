using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// The server claims (in <c>&lt;a h='…'/&gt;</c> or <c>&lt;resumed h='…'/&gt;</c>) to have handled more of our stanzas
/// than were sent on the stream-management session. XEP-0198 §5: the client ends the stream with
/// <c>undefined-condition</c> and <c>&lt;handled-count-too-high/&gt;</c>, and the session cannot be resumed.
/// </summary>
internal sealed class HandledCountTooHighException : XmppException
{
    public HandledCountTooHighException(uint handled, uint sent)
        : base($"The server acknowledged {handled} stanzas, but only {sent} were sent on this stream-management session.")
    {
        Handled = handled;
        Sent = sent;
    }

    /// <summary>The server's <c>h</c>.</summary>
    public uint Handled { get; }

    /// <summary>How many stanzas the client sent on the session (modulo 2^32).</summary>
    public uint Sent { get; }

    /// <summary>The application condition of the stream error: <c>&lt;handled-count-too-high h='…' send-count='…'/&gt;</c>.</summary>
    public XmppElement Condition() =>
        new XmppElement("handled-count-too-high", Namespaces.StreamManagement)
            .SetAttribute("h", StreamManagementCounter.Format(Handled))
            .SetAttribute("send-count", StreamManagementCounter.Format(Sent));

    /// <summary>Sends the stream error on <paramref name="stream"/> and returns what the session ends with.</summary>
    public async Task<XmppStreamErrorException> FailStreamAsync(XmppStream stream, CancellationToken cancellationToken)
    {
        await stream.FailAsync(StreamErrorCondition.UndefinedCondition, cancellationToken, Condition()).ConfigureAwait(false);
        return new XmppStreamErrorException(StreamErrorCondition.UndefinedCondition, Message, sentByClient: true, innerException: this);
    }
}
