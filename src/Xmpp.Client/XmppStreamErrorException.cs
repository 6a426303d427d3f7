namespace Xmpp.Client;

/// <summary>
/// The stream ended with a stream error (RFC 6120 §4.9), sent by the server, or sent by this client because the
/// server broke the protocol (<see cref="SentByClient"/>). The stream is closed; <see cref="Condition"/> says why.
/// <c>conflict</c> means another client logged in with the same resource; <c>not-authorized</c> and
/// <c>policy-violation</c> usually mean the account may not come back without a change.
/// </summary>
public sealed class XmppStreamErrorException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="condition">The stream error condition.</param>
    /// <param name="text">The human-readable text that came with it, if any.</param>
    /// <param name="sentByClient"><see langword="true"/> when this client detected the error and closed the stream.</param>
    /// <param name="otherHost">For <see cref="StreamErrorCondition.SeeOtherHost"/>, the host the server named.</param>
    /// <param name="innerException">The local failure that made the client send the error, if any.</param>
    public XmppStreamErrorException(StreamErrorCondition condition, string? text, bool sentByClient = false,
        string? otherHost = null, Exception? innerException = null)
        : base(Describe(condition, text, sentByClient, otherHost), innerException)
    {
        Condition = condition;
        Text = text;
        SentByClient = sentByClient;
        OtherHost = otherHost;
    }

    /// <summary>The stream error condition.</summary>
    public StreamErrorCondition Condition { get; }

    /// <summary>The text that came with the error, if any.</summary>
    public string? Text { get; }

    /// <summary><see langword="true"/> when this client detected the problem and closed the stream itself.</summary>
    public bool SentByClient { get; }

    /// <summary>For <see cref="StreamErrorCondition.SeeOtherHost"/>: the host (and optional port) to connect to instead.</summary>
    public string? OtherHost { get; }

    private static string Describe(StreamErrorCondition condition, string? text, bool sentByClient, string? otherHost)
    {
        var who = sentByClient ? "The client closed the stream with" : "The server closed the stream with";
        var name = StreamErrorConditions.ToElementName(condition);
        var message = $"{who} the stream error '{name}'";
        if (otherHost is not null)
        {
            message += $" (other host: {otherHost})";
        }

        return string.IsNullOrEmpty(text) ? message + "." : $"{message}: {text}";
    }
}
