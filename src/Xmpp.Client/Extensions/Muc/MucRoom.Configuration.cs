using System.Xml.Linq;
using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucRoom
{
    /// <summary>
    /// Reads the room's configuration form (XEP-0045 §10.2; an owner may): the fields (<see cref="MucConfigFields"/>
    /// names the usual ones) with their current values. Change it with <see cref="DataForm.CreateSubmission"/>, the
    /// setters, and <see cref="ConfigureAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The form.</returns>
    /// <exception cref="XmppIqErrorException">The room refused (<c>forbidden</c>: not an owner).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    /// <exception cref="FormatException">The room's answer holds no form, or a malformed one.</exception>
    public async Task<DataForm> GetConfigurationAsync(CancellationToken cancellationToken = default)
    {
        var reply = await Client.SendIqAsync(new Iq(IqType.Get, new XElement(MucNamespaces.OwnerQuery)) { To = Jid }, cancellationToken).ConfigureAwait(false);
        var form = reply.Payload?.Element(MucNamespaces.FormX)
            ?? throw new FormatException($"{Jid} answered the configuration request without a form.");
        return DataForm.FromXElement(form);
    }

    /// <summary>
    /// Submits a configuration (XEP-0045 §10.2): a submission made from <see cref="GetConfigurationAsync"/>'s form
    /// (a form of type <c>form</c> is submitted with its current values). A room created as reserved
    /// (<see cref="MucRoomCreation.Reserved"/>) is unlocked by it.
    /// </summary>
    /// <param name="configuration">The submission.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Completes when the room accepted it.</returns>
    /// <exception cref="ArgumentException">The form is a result or a cancellation.</exception>
    /// <exception cref="XmppIqErrorException">The room refused (<c>forbidden</c>: not an owner; <c>not-acceptable</c>: a value it does not take).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public async Task ConfigureAsync(DataForm configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var submission = configuration.Type switch
        {
            DataFormType.Submit => configuration,
            DataFormType.Form => configuration.CreateSubmission(),
            _ => throw new ArgumentException($"Submit a form of type submit (or form), not {configuration.Type}.", nameof(configuration)),
        };
        var query = new XElement(MucNamespaces.OwnerQuery, submission.ToXElement());
        await Client.SendIqAsync(new Iq(IqType.Set, query) { To = Jid }, cancellationToken).ConfigureAwait(false);
        SetView(view => view with { Locked = false });
    }
}
