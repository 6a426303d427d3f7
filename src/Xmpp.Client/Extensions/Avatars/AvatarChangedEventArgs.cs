namespace Xmpp.Client.Extensions.Avatars;

/// <summary>An account changed (or first showed) its avatar. See <see cref="AvatarExtension.AvatarChanged"/>.</summary>
public sealed class AvatarChangedEventArgs : EventArgs
{
    internal AvatarChangedEventArgs(Jid jid, string? id, AvatarSource source, AvatarInfo? info)
    {
        Jid = jid;
        Id = id;
        Source = source;
        Info = info;
    }

    /// <summary>The account (bare JID; the own account's for its other clients).</summary>
    public Jid Jid { get; }

    /// <summary>The new avatar's SHA-1, lower-case hex; <see langword="null"/> when the account now has none.</summary>
    public string? Id { get; }

    /// <summary>How it was learnt: a PEP metadata notification, or a photo hash in presence.</summary>
    public AvatarSource Source { get; }

    /// <summary>For <see cref="AvatarSource.Pep"/>, the metadata of the image <see cref="Id"/> names (the first
    /// <c>info</c> kept in the data node); <see langword="null"/> otherwise.</summary>
    public AvatarInfo? Info { get; }
}
