using Xmpp.Client.Extensions.Registration;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Gateways;

/// <summary>Registering the legacy account with a gateway (XEP-0100 §4.1, §4.3), over in-band registration (XEP-0077).</summary>
public sealed partial class GatewaysExtension
{
    private readonly HashSet<Jid> _awaitingSubscription = [];
    private RegistrationExtension _registration = null!;

    /// <summary>
    /// Asks a gateway what registering with it takes (XEP-0100 §4.1.1): usually the legacy account's user name and
    /// password, with instructions; <see cref="RegistrationForm.IsRegistered"/> tells whether the account is registered
    /// already (then the form holds what was registered, to change it).
    /// </summary>
    /// <param name="gateway">The gateway's domain JID.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The form to fill (<see cref="RegistrationForm.SetCredentials"/>) and pass to <see cref="RegisterAsync"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID.</exception>
    /// <exception cref="RegistrationException">The gateway refused (<see cref="RegistrationError.NotAllowed"/> when it has no registration).</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer was not a registration form.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task<RegistrationForm> GetRegistrationFormAsync(Jid gateway, CancellationToken cancellationToken = default)
    {
        RequireDomain(gateway, nameof(gateway));
        return _registration.GetFormAsync(gateway, cancellationToken);
    }

    /// <summary>
    /// Registers the legacy account with a gateway (XEP-0100 §4.1.1) and completes the subscriptions the protocol
    /// asks for: the gateway's subscription request that follows (in this session) is approved, and the account
    /// subscribes to the gateway in turn, so the gateway lands in the roster with a subscription both ways. The
    /// application sees that request in <see cref="Availability.AvailabilityExtension.SubscriptionRequested"/> too
    /// (approving it again does no harm). Then log in with <see cref="LogInAsync"/>.
    /// </summary>
    /// <param name="gateway">The gateway's domain JID.</param>
    /// <param name="form">Its form from <see cref="GetRegistrationFormAsync"/>, filled.</param>
    /// <param name="cancellationToken">Stops waiting for the answer (the registration may still happen).</param>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID, or the form misses fields.</exception>
    /// <exception cref="RegistrationException">The gateway refused (<see cref="RegistrationError.NotAcceptable"/> for
    /// legacy credentials it rejects, …).</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task RegisterAsync(Jid gateway, RegistrationForm form, CancellationToken cancellationToken = default)
    {
        RequireDomain(gateway, nameof(gateway));
        ArgumentNullException.ThrowIfNull(form);
        lock (_gate)
        {
            // Before sending: the gateway may ask for the subscription before its answer arrives.
            _awaitingSubscription.Add(gateway);
        }

        try
        {
            await _registration.RegisterAsync(gateway, form, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            lock (_gate)
            {
                _awaitingSubscription.Remove(gateway);
            }

            throw;
        }
    }

    /// <summary>
    /// Cancels the registration with a gateway (XEP-0100 §4.3.1) and removes the gateway and its legacy contacts from
    /// the roster (those in <see cref="Roster.RosterExtension.Items"/>: fetch the roster first), which also ends the
    /// subscriptions with them.
    /// </summary>
    /// <param name="gateway">The gateway's domain JID.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>How many roster items were removed.</returns>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID, or is the account's own server.</exception>
    /// <exception cref="RegistrationException">The gateway refused (such as <c>registration-required</c> when the account is not registered).</exception>
    /// <exception cref="XmppIqErrorException">The server refused to remove a roster item.</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<int> UnregisterAsync(Jid gateway, CancellationToken cancellationToken = default)
    {
        RequireDomain(gateway, nameof(gateway));
        lock (_gate)
        {
            _awaitingSubscription.Remove(gateway);
        }

        await _registration.UnregisterAsync(gateway, cancellationToken).ConfigureAwait(false);
        var items = GetContacts(gateway).Select(item => item.Jid).ToList();
        if (_roster.Items.ContainsKey(gateway))
        {
            items.Add(gateway);
        }

        var removed = 0;
        foreach (var jid in items)
        {
            try
            {
                await _roster.RemoveAsync(jid, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            catch (XmppIqErrorException error) when (error.Error.Condition == StanzaErrorCondition.ItemNotFound)
            {
                // Removed meanwhile (the gateway's unsubscription, another resource).
            }
        }

        GatewayLog.RemovedContacts(Context.Logger, gateway.ToString(), removed);
        return removed;
    }

    private void InitializeRegistration(XmppExtensionContext context)
    {
        _registration = context.Require<RegistrationExtension>();
        context.OnPresence(OnGatewaySubscriptionAsync, type: PresenceType.Subscribe);
        context.OnNewSession(_ =>
        {
            lock (_gate)
            {
                _awaitingSubscription.Clear();
            }
        });
    }

    /// <summary>XEP-0100 §4.1.1: the gateway registered with asks for the account's presence; approve and subscribe back.</summary>
    private async ValueTask<bool> OnGatewaySubscriptionAsync(Presence presence, CancellationToken cancellationToken)
    {
        if (presence.From is not { } from || !IsDomain(from))
        {
            return false;
        }

        lock (_gate)
        {
            if (!_awaitingSubscription.Remove(from))
            {
                return false;
            }
        }

        GatewayLog.ApprovingGateway(Context.Logger, from.ToString());
        await _availability.ApproveAsync(from, cancellationToken).ConfigureAwait(false);
        await _availability.SubscribeAsync(from, cancellationToken: cancellationToken).ConfigureAwait(false);
        return false;
    }
}
