using System.Diagnostics.CodeAnalysis;
using System.Xml.Linq;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Extensions.Pep;
using Xmpp.Client.Extensions.VCards;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Avatars;

/// <summary>
/// Avatars: User Avatar in PEP (XEP-0084) and vCard-based avatars (XEP-0153), with the server's conversion between
/// them (XEP-0398). <see cref="SetAsync"/> publishes the account's avatar, <see cref="RemoveAsync"/> withdraws it,
/// <see cref="GetAsync"/> reads an account's, and <see cref="AvatarChanged"/> reports contacts' changes.
/// </summary>
/// <remarks>
/// <para><b>Publishing.</b> The image goes to the PEP data node (item id = its SHA-1 in hex), then its metadata (type,
/// size, and the width and height the caller gives: images are not decoded here) to the metadata node. When the
/// account's disco#info lists <see cref="ConversionFeature"/> (asked once per session,
/// <see cref="IsConversionOfferedAsync"/>), that is all: the server stores it in the vCard and puts the hash in the
/// presence it broadcasts (Prosody's mod_vcard_legacy fills an <c>&lt;x xmlns='vcard-temp:x:update'/&gt;</c> that has
/// no <c>photo</c>, and leaves one that has alone). Otherwise the vCard's PHOTO is also set (the card is read and written
/// back, keeping its other fields) and the client advertises the hash itself. Either way the presence is sent again
/// (<see cref="XmppExtensionContext.ResendPresenceAsync"/>), so contacts see the new hash.</para>
/// <para><b>Presence</b> (XEP-0153 §3.2). Each available presence the client sends (directed ones too) carries
/// <c>&lt;x xmlns='vcard-temp:x:update'&gt;</c>: with <c>&lt;photo&gt;hash&lt;/photo&gt;</c> once the own avatar is
/// known, an empty <c>&lt;photo/&gt;</c> once it is known there is none, and no <c>photo</c> at all while it is not yet
/// known ("not ready to advertise") or while the server converts (the server fills it in). After each new session the
/// extension learns the own hash in the background (reading the own vCard, unless the server converts) and sends the
/// presence again when it has it. A presence that already carries the element is left alone.</para>
/// <para><b>Changes of others.</b> <c>urn:xmpp:avatar:metadata+notify</c> is announced, so contacts' metadata
/// notifications arrive (from bare JIDs only: PEP drops the rest); and photo hashes in contacts' presence are read
/// (not those of room occupants, whose <c>muc#user</c> presence names a room, not an account). Each source raises
/// <see cref="AvatarChanged"/> when an account's avatar differs from the last one that source showed for it in this
/// session (the first showing counts, unless it says "no avatar").</para>
/// <para>Requires <see cref="PepExtension"/>, <see cref="DiscoExtension"/> and <see cref="VCardExtension"/>. Thread-safe;
/// the extension's own writes are made one at a time.</para>
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never creates its wait handle (AvailableWaitHandle is not used), so it holds nothing to release.")]
public sealed partial class AvatarExtension : XmppExtension
{
    /// <summary>The PEP node of avatar images (XEP-0084 §4.1).</summary>
    public const string DataNode = AvatarXml.DataNode;

    /// <summary>The PEP node of avatar metadata (XEP-0084 §4.2).</summary>
    public const string MetadataNode = AvatarXml.MetadataNode;

    /// <summary>The account feature of a server that converts between PEP and vCard avatars (XEP-0398 §2).</summary>
    public const string ConversionFeature = AvatarXml.ConversionFeature;

    /// <summary>The namespace of the photo hash in presence (XEP-0153).</summary>
    public const string UpdateNamespace = AvatarXml.UpdateNamespace;

    private readonly object _gate = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private PepExtension _pep = null!;
    private DiscoExtension _disco = null!;
    private VCardExtension _vcard = null!;
    private Task<bool>? _conversion;

    /// <summary>
    /// Raised when an account's avatar changed, or first showed, as a PEP metadata notification or a photo hash in
    /// presence tells (see the remarks; a change often arrives once by each source), in stream order on the client's
    /// event task. A handler that throws is logged and does not affect the client. To get the image, call
    /// <see cref="GetAsync"/> (or <see cref="GetDataAsync"/> with the id).
    /// </summary>
    public event Func<AvatarChangedEventArgs, Task>? AvatarChanged;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        _disco = context.Require<DiscoExtension>();
        _pep = context.Require<PepExtension>();
        _vcard = context.Require<VCardExtension>();
        _pep.Subscribe(MetadataNode, OnMetadataAsync);
        context.OnPresence(OnPresenceAsync, AvatarXml.Update, PresenceType.Available);
        context.DecorateOutgoing(Decorate);
        context.OnNewSession(_ => Forget());
        context.OnSessionStarted(OnSessionStartedAsync);
    }

    /// <summary>
    /// Whether the account's server converts between PEP and vCard avatars (<see cref="ConversionFeature"/> in the
    /// account's disco#info), asked once per session; a failed question is not remembered and counts as no.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the question goes on for the other callers).</param>
    /// <returns>Whether the conversion is offered.</returns>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task<bool> IsConversionOfferedAsync(CancellationToken cancellationToken = default)
    {
        Task<bool> asking;
        lock (_gate)
        {
            if (_conversion is null || _conversion.IsFaulted || _conversion.IsCanceled)
            {
                _conversion = AskConversionAsync();
            }

            asking = _conversion;
        }

        return asking.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes the account's avatar (see the remarks of <see cref="AvatarExtension"/> for where it goes).
    /// </summary>
    /// <param name="data">The image (PNG is what every client can show; keep it small, XEP-0084 suggests a few KB).</param>
    /// <param name="mediaType">Its media type, such as <c>image/png</c>.</param>
    /// <param name="width">Its width in pixels, if known (put in the metadata).</param>
    /// <param name="height">Its height in pixels, if known.</param>
    /// <param name="cancellationToken">Stops waiting for the answers (what was published stays).</param>
    /// <returns>The avatar's id: the SHA-1 of <paramref name="data"/>, lower-case hex.</returns>
    /// <exception cref="ArgumentException">The image is empty, or the media type is empty.</exception>
    /// <exception cref="XmppIqErrorException">The server refused (no PEP, an image too big for it).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<string> SetAsync(ReadOnlyMemory<byte> data, string mediaType, int? width = null, int? height = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        if (data.IsEmpty)
        {
            throw new ArgumentException("An avatar needs an image; use RemoveAsync to withdraw one.", nameof(data));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width ?? 1, nameof(width));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height ?? 1, nameof(height));
        var id = AvatarHash.Of(data.Span);
        var info = new AvatarInfo(id, mediaType, data.Length, width, height);
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _pep.PublishAsync(DataNode, new XElement(AvatarXml.Data, Convert.ToBase64String(data.Span)), id, cancellationToken: cancellationToken).ConfigureAwait(false);
            await _pep.PublishAsync(MetadataNode, new XElement(AvatarXml.Metadata, AvatarXml.ToXElement(info)), id, cancellationToken: cancellationToken).ConfigureAwait(false);
            await AfterPublishAsync(new VCardPhoto(mediaType, data.ToArray()), id, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }

        return id;
    }

    /// <summary>
    /// Withdraws the account's avatar: publishes empty metadata (XEP-0084 §4.8), and, unless the server converts,
    /// removes the vCard's PHOTO; the presence then says "no avatar" (an empty <c>photo</c>).
    /// </summary>
    /// <remarks>With the conversion, the server decides what presence says: ejabberd 23.01 (mod_avatar) then sends an
    /// empty <c>photo</c>, while Prosody 0.12 (mod_vcard_legacy) puts the server-made id of the empty metadata item
    /// there, which is no hash (this extension ignores such a hash in contacts' presence).</remarks>
    /// <param name="cancellationToken">Stops waiting for the answers.</param>
    /// <exception cref="XmppIqErrorException">The server refused.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task RemoveAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _pep.PublishAsync(MetadataNode, new XElement(AvatarXml.Metadata), cancellationToken: cancellationToken).ConfigureAwait(false);
            await AfterPublishAsync(null, string.Empty, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Reads an account's avatar: the PEP metadata's newest item, and the image it names from the data node; failing
    /// that (no node, no access, an image that does not match its id, or only an external URL), the vCard's PHOTO.
    /// Empty PEP metadata means the account withdrew its avatar: then <see langword="null"/>, without asking the vCard.
    /// </summary>
    /// <param name="owner">The account (its bare JID is asked), or <see langword="null"/> for the own account.</param>
    /// <param name="cancellationToken">Stops waiting for the answers.</param>
    /// <returns>The avatar, or <see langword="null"/> when the account has none that can be read.</returns>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<Avatar?> GetAsync(Jid? owner = null, CancellationToken cancellationToken = default)
    {
        var account = owner?.Bare ?? Own;
        var to = owner?.Bare;
        try
        {
            var items = await _pep.RetrieveAsync(to, MetadataNode, maxItems: 1, cancellationToken).ConfigureAwait(false);
            if (items.Count > 0 && items[^1].Payload is { } metadata && metadata.Name == AvatarXml.Metadata)
            {
                var infos = AvatarXml.ReadInfos(metadata);
                if (infos.Count == 0 && !metadata.HasElements)
                {
                    return null;
                }

                if (infos.Find(i => i.Url is null) is { } info
                    && await GetDataAsync(to, info.Id, cancellationToken).ConfigureAwait(false) is { } data)
                {
                    return new Avatar(account, info.Id, info.MediaType, data, AvatarSource.Pep, info.Width, info.Height);
                }
            }
        }
        catch (XmppIqErrorException error)
        {
            AvatarLog.NoPepAvatar(Context.Logger, account.ToString(), error.Error.Condition.ToString());
        }

        VCard card;
        try
        {
            card = await _vcard.GetAsync(to, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException)
        {
            return null;
        }

        return card.Photo is { ExternalUrl: null, MediaType: { } type } photo && !photo.Data.IsEmpty
            ? new Avatar(account, photo.Hash!, type, photo.Data, AvatarSource.VCard, null, null)
            : null;
    }

    /// <summary>Reads one image from an account's PEP data node (XEP-0084 §4.1) by its id, checking it against the id.</summary>
    /// <param name="owner">The account (its bare JID is asked), or <see langword="null"/> for the own account.</param>
    /// <param name="id">The image's id (its SHA-1 in hex), as metadata or <see cref="AvatarChangedEventArgs.Id"/> gave it.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The image, or <see langword="null"/> when there is no such item, or its bytes do not match the id
    /// (or are not base64).</returns>
    /// <exception cref="XmppIqErrorException">The server refused (other than <c>item-not-found</c>).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<ReadOnlyMemory<byte>?> GetDataAsync(Jid? owner, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var items = new XElement(PepXml.Ns + "items", new XAttribute("node", DataNode), new XElement(PepXml.Ns + "item", new XAttribute("id", id)));
        Iq reply;
        try
        {
            reply = await Client.SendIqAsync(new Iq(IqType.Get, new XElement(PepXml.PubSubName, items)) { To = owner?.Bare }, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error) when (error.Error.Condition == StanzaErrorCondition.ItemNotFound)
        {
            return null;
        }

        var wanted = AvatarHash.Lower(id);
        var payload = reply.GetPayload(PepXml.PubSubName)?.Element(PepXml.Ns + "items")?.Elements(PepXml.Ns + "item")
            .FirstOrDefault(item => (string?)item.Attribute("id") is { } itemId && AvatarHash.Lower(itemId) == wanted)
            ?.Element(AvatarXml.Data);
        if (payload is null)
        {
            return null;
        }

        var data = VCardXml.DecodeBase64(payload.Value);
        if (data is null || AvatarHash.Of(data) != wanted)
        {
            AvatarLog.HashMismatch(Context.Logger, (owner?.Bare ?? Own).ToString(), id);
            return null;
        }

        return data;
    }

    private Jid Own => (Client.BoundJid ?? Client.Options.Jid).Bare;

    /// <summary>After the PEP publication: the vCard (unless the server converts), the hash for presence, the presence.</summary>
    private async Task AfterPublishAsync(VCardPhoto? photo, string hash, CancellationToken cancellationToken)
    {
        if (!await IsConversionOfferedAsync(cancellationToken).ConfigureAwait(false))
        {
            var card = await _vcard.GetAsync(null, cancellationToken).ConfigureAwait(false);
            card.Photo = photo;
            await _vcard.SetAsync(card, cancellationToken).ConfigureAwait(false);
        }

        SetOwnHash(hash, onlyIfUnknown: false);
        await Context.ResendPresenceAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> AskConversionAsync()
    {
        var account = Own;
        bool conversion;
        try
        {
            conversion = (await _disco.GetInfoAsync(account, node: null, CancellationToken.None).ConfigureAwait(false)).HasFeature(ConversionFeature);
        }
        catch (XmppIqErrorException error)
        {
            AvatarLog.DiscoFailed(Context.Logger, account.ToString(), error);
            conversion = false;
        }

        AvatarLog.Conversion(Context.Logger, account.ToString(), conversion);
        return conversion;
    }
}
