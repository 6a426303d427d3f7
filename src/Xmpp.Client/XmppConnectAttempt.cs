namespace Xmpp.Client;

/// <summary>One failed try to reach the server: what was tried and why it failed.</summary>
/// <param name="Endpoint">The endpoint, such as <c>xmpp.example.com:5222 (127.0.0.1) from _xmpp-client SRV</c>,
/// or the DNS name whose lookup failed.</param>
/// <param name="Reason">Why it failed, in words.</param>
/// <param name="Error">The underlying exception, when there was one.</param>
public sealed record XmppConnectAttempt(string Endpoint, string Reason, Exception? Error = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Endpoint}: {Reason}";
}
