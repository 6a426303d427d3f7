using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Registration;

/// <summary>
/// In-band registration for a logged-in account (XEP-0077): change the account's password, cancel the account, and
/// register with other services such as gateways (<see cref="GetFormAsync"/>, <see cref="RegisterAsync"/>,
/// <see cref="UnregisterAsync"/>). To create an account before login, use <see cref="AccountRegistration"/>.
/// Nothing is announced in disco (servers and services answer registration, clients ask). Thread-safe.
/// </summary>
public sealed class RegistrationExtension : XmppExtension
{
    /// <summary>The jabber:iq:register namespace.</summary>
    public const string Namespace = RegistrationXml.Namespace;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        // Requests only: nothing to route or announce.
    }

    /// <summary>Asks a service (or the account's own server) what registering with it takes, or what is registered (XEP-0077 §3.1, §3.2).</summary>
    /// <param name="service">A service such as a gateway, or <see langword="null"/> for the account's server.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The form; <see cref="RegistrationForm.IsRegistered"/> tells whether the account is registered with it already.</returns>
    /// <exception cref="RegistrationException">The service refused (<see cref="RegistrationError.NotAllowed"/> when it has no registration).</exception>
    /// <exception cref="XmppTimeoutException">The service did not answer in time.</exception>
    /// <exception cref="XmppException">The answer was not a registration form.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<RegistrationForm> GetFormAsync(Jid? service = null, CancellationToken cancellationToken = default)
    {
        var request = new Iq(IqType.Get, new XElement(RegistrationXml.Query)) { To = service };
        try
        {
            var reply = await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
            return RegistrationRequests.ReadForm(reply, Target(service));
        }
        catch (XmppIqErrorException error)
        {
            throw new RegistrationException(Target(service), "the registration form", error.Error, null, error);
        }
    }

    /// <summary>Registers the account with a service, such as a gateway to another network (XEP-0077 §3.1, XEP-0100 §4.1).</summary>
    /// <param name="service">The service.</param>
    /// <param name="form">Its form from <see cref="GetFormAsync"/>, filled (for a gateway: the legacy account's name and password).</param>
    /// <param name="cancellationToken">Stops waiting for the answer (the registration may still happen).</param>
    /// <exception cref="ArgumentException">The form still misses fields (<see cref="RegistrationForm.MissingFields"/>).</exception>
    /// <exception cref="RegistrationException">The service refused (<see cref="RegistrationError.NotAcceptable"/> for
    /// legacy credentials it rejects, …).</exception>
    /// <exception cref="XmppTimeoutException">The service did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task RegisterAsync(Jid service, RegistrationForm form, CancellationToken cancellationToken = default)
    {
        var request = RegistrationRequests.Submission(form);
        request.To = service;
        try
        {
            await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error)
        {
            throw new RegistrationException(service, "the registration", error.Error, RegistrationRequests.FormIn(error), error);
        }
    }

    /// <summary>Cancels the account's registration with a service, such as a gateway (XEP-0077 §3.2, XEP-0100 §4.3).</summary>
    /// <param name="service">The service; not the account's own server (use <see cref="CancelAccountAsync"/>, which says what it does).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="ArgumentException"><paramref name="service"/> is the account's own server.</exception>
    /// <exception cref="RegistrationException">The service refused (<c>registration-required</c> when not registered shows as <see cref="RegistrationError.Other"/>).</exception>
    /// <exception cref="XmppTimeoutException">The service did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task UnregisterAsync(Jid service, CancellationToken cancellationToken = default)
    {
        if (service.Local is null && service.Resource is null && service.Domain == Client.Options.Jid.Domain)
        {
            throw new ArgumentException("Unregistering from the account's own server deletes the account: call CancelAccountAsync for that.", nameof(service));
        }

        var request = new Iq(IqType.Set, new XElement(RegistrationXml.Query, new XElement(RegistrationXml.Remove))) { To = service };
        try
        {
            await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error)
        {
            throw new RegistrationException(service, "cancelling the registration", error.Error, null, error);
        }
    }

    /// <summary>
    /// Changes the account's password on its server (XEP-0077 §3.3); once the server has accepted it, the client
    /// authenticates with the new password from then on (<see cref="XmppClient.UsePassword"/>). The session stays up.
    /// </summary>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Stops waiting for the answer (the password may still change: then log in with either).</param>
    /// <exception cref="ArgumentException">The password is empty.</exception>
    /// <exception cref="RegistrationException">The server refused: <see cref="RegistrationError.NotAuthorized"/> with a
    /// <see cref="RegistrationException.Form"/> when it wants a form filled (submit it with <see cref="ChangePasswordAsync(Xmpp.Client.Extensions.DataForms.DataForm, string, CancellationToken)"/>),
    /// <see cref="RegistrationError.NotAcceptable"/> for a password it rejects, <see cref="RegistrationError.NotAllowed"/>.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task ChangePasswordAsync(string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(newPassword);
        var query = new XElement(RegistrationXml.Query,
            new XElement(RegistrationXml.Username, AccountName()),
            new XElement(RegistrationXml.Password, newPassword));
        return ChangePasswordAsync(query, newPassword, cancellationToken);
    }

    /// <summary>
    /// Changes the account's password with the form the server asked for (XEP-0077 §3.3, the
    /// <see cref="RegistrationException.Form"/> of a refused <see cref="ChangePasswordAsync(string, CancellationToken)"/>), filled.
    /// </summary>
    /// <param name="form">The server's form with its fields filled (the new password among them).</param>
    /// <param name="newPassword">The new password, which the client then authenticates with.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="RegistrationException">The server refused.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task ChangePasswordAsync(DataForms.DataForm form, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentException.ThrowIfNullOrEmpty(newPassword);
        return ChangePasswordAsync(new XElement(RegistrationXml.Query, form.CreateSubmission().ToXElement()), newPassword, cancellationToken);
    }

    private async Task ChangePasswordAsync(XElement query, string newPassword, CancellationToken cancellationToken)
    {
        try
        {
            await Client.SendIqAsync(new Iq(IqType.Set, query), cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error)
        {
            throw new RegistrationException(Target(null), "the password change", error.Error, RegistrationRequests.FormIn(error), error);
        }

        Client.UsePassword(newPassword);
        RegistrationLog.PasswordChanged(Context.Logger);
    }

    /// <summary>
    /// Deletes the account from its server (XEP-0077 §3.2): everything the server keeps for it goes (roster, archive,
    /// offline messages). When the server has confirmed, the client disconnects (the server closes the session anyway)
    /// and cannot log in again with this account.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the answer (the account may still be deleted).</param>
    /// <exception cref="RegistrationException">The server refused (<see cref="RegistrationError.NotAllowed"/>, or
    /// <see cref="RegistrationError.NotAuthorized"/> with a form to fill).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="XmppConnectionLostException">The server closed the connection before confirming: the account
    /// may or may not be deleted; try to log in to find out.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task CancelAccountAsync(CancellationToken cancellationToken = default)
    {
        var request = new Iq(IqType.Set, new XElement(RegistrationXml.Query, new XElement(RegistrationXml.Remove)));
        try
        {
            await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error)
        {
            throw new RegistrationException(Target(null), "cancelling the account", error.Error, RegistrationRequests.FormIn(error), error);
        }

        RegistrationLog.AccountCancelled(Context.Logger, Client.Options.Jid.Bare.ToString());
        await Client.DisconnectAsync(cancellationToken).ConfigureAwait(false);
    }

    private string AccountName() =>
        (Client.BoundJid ?? Client.Options.Jid).Local
        ?? throw new InvalidOperationException("An anonymous session has no password to change.");

    private Jid Target(Jid? service) => service ?? new Jid(null, Client.Options.Jid.Domain);
}
