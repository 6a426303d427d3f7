using Microsoft.Extensions.Hosting;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Hosting;

/// <summary>
/// A base for bots run by the Generic Host (add one with <c>services.AddXmppBot&lt;MyBot&gt;()</c>): its handlers
/// are attached to <see cref="Client"/> when the host starts, before the client is online, and each gets the host's
/// stopping token. <see cref="OnConnectedAsync"/> runs once the account is online for the first time.
/// </summary>
/// <remarks>
/// Handlers run on the client's event task, one at a time; one that throws is logged by the client and the bot goes
/// on. An exception from <see cref="OnConnectedAsync"/> ends the bot like any failing <see cref="BackgroundService"/>
/// (by default the host stops). For a named account take the client with
/// <c>[FromKeyedServices("name")] XmppClient client</c> in the bot's constructor.
/// </remarks>
public abstract class XmppBotService : BackgroundService
{
    private CancellationToken _stopping = new(canceled: true);

    /// <summary>Creates the bot.</summary>
    /// <param name="client">The account's client, from dependency injection.</param>
    protected XmppBotService(XmppClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>The account's client.</summary>
    protected XmppClient Client { get; }

    /// <summary>Called once, when the account is online for the first time: a good place to fetch the roster and send
    /// the first presence. The client reconnects by itself afterwards (see <see cref="OnReconnectedAsync"/>).</summary>
    /// <param name="stoppingToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the bot is set up.</returns>
    protected virtual Task OnConnectedAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>Called for every message received (<see cref="XmppClient.MessageReceived"/>).</summary>
    /// <param name="message">The message.</param>
    /// <param name="stoppingToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the message is handled.</returns>
    protected virtual Task OnMessageAsync(Message message, CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>Called for every presence received (<see cref="XmppClient.PresenceReceived"/>).</summary>
    /// <param name="presence">The presence.</param>
    /// <param name="stoppingToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the presence is handled.</returns>
    protected virtual Task OnPresenceAsync(Presence presence, CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>Called after the client reconnected by itself (<see cref="XmppClient.Reconnected"/>); when the session was
    /// not resumed, re-fetch what the bot keeps (roster, rooms).</summary>
    /// <param name="reconnected">How the client reconnected.</param>
    /// <param name="stoppingToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the bot caught up.</returns>
    protected virtual Task OnReconnectedAsync(XmppReconnectedEventArgs reconnected, CancellationToken stoppingToken) => Task.CompletedTask;

    /// <inheritdoc/>
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task OnStateChanged(XmppClientStateChangedEventArgs change)
        {
            if (change.State == XmppClientState.Connected)
            {
                online.TrySetResult();
            }

            return Task.CompletedTask;
        }

        Client.StateChanged += OnStateChanged;
        Client.MessageReceived += HandleMessageAsync;
        Client.PresenceReceived += HandlePresenceAsync;
        Client.Reconnected += HandleReconnectedAsync;
        try
        {
            if (Client.State == XmppClientState.Connected)
            {
                online.TrySetResult();
            }

            await online.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            Client.StateChanged -= OnStateChanged;
            await OnConnectedAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            Client.StateChanged -= OnStateChanged;
            Client.MessageReceived -= HandleMessageAsync;
            Client.PresenceReceived -= HandlePresenceAsync;
            Client.Reconnected -= HandleReconnectedAsync;
        }
    }

    private Task HandleMessageAsync(Message message) => OnMessageAsync(message, _stopping);

    private Task HandlePresenceAsync(Presence presence) => OnPresenceAsync(presence, _stopping);

    private Task HandleReconnectedAsync(XmppReconnectedEventArgs reconnected) => OnReconnectedAsync(reconnected, _stopping);
}
