using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.VCards;

/// <summary>
/// vcard-temp (XEP-0054): reads the account's own vCard or a contact's, and writes the own one.
/// </summary>
/// <remarks>
/// <para>The own card is asked for without 'to' (the server answers for the account), a contact's at its bare JID.
/// An account without a card (Prosody answers <c>item-not-found</c>, ejabberd an empty <c>vCard</c>) reads as an empty
/// <see cref="VCard"/>, never <see langword="null"/>: check <see cref="VCard.IsEmpty"/>.</para>
/// <para>Writing replaces the whole card on the server, so read it first, change it and write it back:
/// <see cref="VCard.ToXElement"/> keeps the elements read that <see cref="VCard"/> does not model. Nothing is announced
/// in disco (the server, not the client, answers vCard requests). Thread-safe.</para>
/// </remarks>
public sealed class VCardExtension : XmppExtension
{
    /// <summary>The vcard-temp namespace.</summary>
    public const string Namespace = VCardXml.Namespace;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        // Requests only: nothing to route or announce.
    }

    /// <summary>Reads a vCard (XEP-0054 §3.1, §3.3).</summary>
    /// <param name="owner">The account whose card it is (its bare JID is asked), or <see langword="null"/> for the own account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The card; an empty one when the account has none (<c>item-not-found</c> or an empty answer).</returns>
    /// <exception cref="XmppIqErrorException">The server refused (such as <c>service-unavailable</c> for an account it does not know).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="XmppException">The answer was not a vCard.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<VCard> GetAsync(Jid? owner = null, CancellationToken cancellationToken = default)
    {
        var request = new Iq(IqType.Get, new XElement(VCardXml.VCardName)) { To = owner?.Bare };
        Iq reply;
        try
        {
            reply = await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error) when (error.Error.Condition == StanzaErrorCondition.ItemNotFound)
        {
            VCardLog.NoVCard(Context.Logger, Name(owner), "item-not-found");
            return new VCard();
        }

        var element = reply.GetPayload(VCardXml.VCardName);
        if (element is null)
        {
            if (reply.Payload is not null)
            {
                throw new XmppException($"The answer to a vCard request carried {reply.Payload.Name}, not a vcard-temp vCard.");
            }

            VCardLog.NoVCard(Context.Logger, Name(owner), "an empty result");
            return new VCard();
        }

        var card = VCard.FromXElement(element);
        if (card.Photo is null && element.Element(VCardXml.Ns + "PHOTO") is not null)
        {
            VCardLog.UnreadablePhoto(Context.Logger, Name(owner));
        }

        return card;
    }

    /// <summary>Writes the account's own vCard (XEP-0054 §3.2), replacing the one the server keeps.</summary>
    /// <param name="card">The card (its <see cref="VCard.ToXElement"/> is sent).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="XmppIqErrorException">The server refused (<c>not-acceptable</c> for a card too big, on some servers).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task SetAsync(VCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        await Client.SendIqAsync(new Iq(IqType.Set, card.ToXElement()), cancellationToken).ConfigureAwait(false);
    }

    private string Name(Jid? owner) => (owner?.Bare ?? (Client.BoundJid ?? Client.Options.Jid).Bare).ToString();
}
