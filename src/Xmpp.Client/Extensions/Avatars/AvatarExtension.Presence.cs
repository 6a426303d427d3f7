using System.Xml.Linq;
using Xmpp.Client.Extensions.Pep;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Avatars;

/// <summary>The photo hash in presence (XEP-0153), and the changes contacts announce.</summary>
public sealed partial class AvatarExtension
{
    private static readonly XName MucUser = XName.Get("x", "http://jabber.org/protocol/muc#user");

    private readonly Dictionary<(Jid Account, AvatarSource Source), string?> _seen = [];

    /// <summary>The own hash: <see langword="null"/> while not known, empty when there is no avatar.</summary>
    private string? _ownHash;

    /// <summary>
    /// The hash this client puts in its presence: <see langword="null"/> while it is not known yet (or while the server
    /// converts and fills it in), empty when the account has no avatar, else the SHA-1 of the avatar in hex.
    /// </summary>
    public string? PresenceHash
    {
        get
        {
            lock (_gate)
            {
                return ServerFillsHash ? null : _ownHash;
            }
        }
    }

    /// <summary>Whether the conversion is known to be offered this session (then the server puts the hash in presence).</summary>
    private bool ServerFillsHash => _conversion is { IsCompletedSuccessfully: true } conversion && conversion.Result;

    private void Decorate(Stanza stanza)
    {
        if (stanza is not Presence { Type: PresenceType.Available } presence || presence.HasPayload(AvatarXml.Update))
        {
            return;
        }

        var hash = PresenceHash;
        presence.AddPayload(new XElement(AvatarXml.Update, hash is null ? null : new XElement(AvatarXml.Photo, hash.Length == 0 ? null : hash)));
    }

    /// <summary>Sets the own hash; returns whether it changed.</summary>
    private bool SetOwnHash(string hash, bool onlyIfUnknown)
    {
        lock (_gate)
        {
            if ((onlyIfUnknown && _ownHash is not null) || _ownHash == hash)
            {
                return false;
            }

            _ownHash = hash;
            return true;
        }
    }

    private void Forget()
    {
        lock (_gate)
        {
            _conversion = null;
            _ownHash = null;
            _seen.Clear();
        }
    }

    private Task OnSessionStartedAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        if (!session.IsResumed)
        {
            Context.RunInBackground(LearnOwnHashAsync);
        }

        return Task.CompletedTask;
    }

    /// <summary>Learns the own avatar's hash for presence (XEP-0153 §3.2 rule 4), and sends the presence again with it.</summary>
    private async Task LearnOwnHashAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await IsConversionOfferedAsync(cancellationToken).ConfigureAwait(false))
            {
                return; // the server puts the hash in the presence
            }

            var card = await _vcard.GetAsync(null, cancellationToken).ConfigureAwait(false);
            if (SetOwnHash(card.Photo?.Hash ?? string.Empty, onlyIfUnknown: true))
            {
                await Context.ResendPresenceAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is XmppException or InvalidOperationException)
        {
            AvatarLog.OwnHashFailed(Context.Logger, error);
        }
    }

    private async ValueTask<bool> OnPresenceAsync(Presence presence, CancellationToken cancellationToken)
    {
        if (presence.From is not { Local: not null } from || presence.HasPayload(MucUser) || from == Client.BoundJid)
        {
            return false;
        }

        var photo = presence.GetPayload(AvatarXml.Update)!.Element(AvatarXml.Photo);
        if (photo is null)
        {
            return false; // "not ready to advertise": says nothing
        }

        string? hash = null;
        if (photo.Value.Length > 0)
        {
            if (!AvatarHash.IsValid(photo.Value.Trim()))
            {
                AvatarLog.BadHash(Context.Logger, from.ToString());
                return false;
            }

            hash = AvatarHash.Lower(photo.Value.Trim());
        }

        await ChangedAsync(from.Bare, hash, AvatarSource.VCard, null).ConfigureAwait(false);
        return false;
    }

    private async Task OnMetadataAsync(PepNotificationEventArgs notification)
    {
        if (notification.Purged || notification.Deleted)
        {
            await ChangedAsync(notification.Publisher, null, AvatarSource.Pep, null).ConfigureAwait(false);
            return;
        }

        if (notification.Published.Count == 0 || notification.Published[^1].Payload is not { } metadata || metadata.Name != AvatarXml.Metadata)
        {
            return;
        }

        var infos = AvatarXml.ReadInfos(metadata);
        if (infos.Count == 0 && metadata.HasElements)
        {
            return; // nothing readable: not the same as "no avatar"
        }

        var info = infos.Find(i => i.Url is null) ?? (infos.Count > 0 ? infos[0] : null);
        await ChangedAsync(notification.Publisher, info?.Id, AvatarSource.Pep, info).ConfigureAwait(false);
    }

    private async Task ChangedAsync(Jid account, string? id, AvatarSource source, AvatarInfo? info)
    {
        lock (_gate)
        {
            var known = _seen.TryGetValue((account, source), out var last);
            if ((known && last == id) || (!known && id is null))
            {
                _seen[(account, source)] = id;
                return;
            }

            _seen[(account, source)] = id;
        }

        await Context.RaiseAsync(AvatarChanged, new AvatarChangedEventArgs(account, id, source, info), nameof(AvatarChanged)).ConfigureAwait(false);
    }
}
