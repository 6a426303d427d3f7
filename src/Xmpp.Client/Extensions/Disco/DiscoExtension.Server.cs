namespace Xmpp.Client.Extensions.Disco;

/// <summary>What the account's server offers, asked once per session for every extension that needs it.</summary>
public sealed partial class DiscoExtension
{
    private readonly object _serverGate = new();
    private Task<DiscoInfo>? _serverInfo;

    /// <summary>
    /// The identities and features of the account's server (disco#info of its domain), asked once per session and
    /// shared: an extension that enables itself when the server supports something (carbons, the archive, uploads)
    /// asks here in <see cref="XmppExtensionContext.OnSessionStarted"/> instead of sending its own query. A new session
    /// (not a resumption) asks again; a failed answer is not remembered.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the query goes on for the other callers).</param>
    /// <returns>The server's answer.</returns>
    /// <exception cref="XmppIqErrorException">The server answered with an error.</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task<DiscoInfo> GetServerInfoAsync(CancellationToken cancellationToken = default)
    {
        Task<DiscoInfo> asking;
        lock (_serverGate)
        {
            if (_serverInfo is null || _serverInfo.IsFaulted || _serverInfo.IsCanceled)
            {
                var server = new Jid(null, (Client.BoundJid ?? Client.Options.Jid).Domain);
                _serverInfo = GetInfoAsync(server, node: null, CancellationToken.None);
            }

            asking = _serverInfo;
        }

        return asking.WaitAsync(cancellationToken);
    }

    /// <summary>A new session: what the server offered may have changed (a restart with another configuration).</summary>
    private void ForgetServerInfo()
    {
        lock (_serverGate)
        {
            _serverInfo = null;
        }
    }
}
