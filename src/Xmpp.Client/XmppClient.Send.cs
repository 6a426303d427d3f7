using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private readonly SemaphoreSlim _iqSlots;

    /// <summary>
    /// Sends a stanza. Safe to call from any number of threads at once: each stanza goes out whole, and the call waits
    /// while the network pushes back. A missing id is filled in (readable from <see cref="Stanza.Id"/> afterwards).
    /// </summary>
    /// <param name="stanza">The message, presence or IQ to send.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write; a stanza already being written is
    /// finished, so the stream is never cut mid-stanza.</param>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    /// <exception cref="XmppConnectionLostException">The connection broke while sending.</exception>
    public async ValueTask SendAsync(Stanza stanza, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        var session = RequireSession();
        stanza.Id ??= Stanzas.StanzaIds.New();
        ModulesPrepare(stanza);
        await session.Writer.WriteAsync(stanza.Element, cancellationToken).ConfigureAwait(false);
    }

    private XmppSession RequireSession()
    {
        ThrowIfDisposed();
        return _session ?? throw new InvalidOperationException(
            $"The client is not connected (state: {State}); call ConnectAsync first and wait for it to complete.");
    }
}
