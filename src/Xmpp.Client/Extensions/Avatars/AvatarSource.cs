namespace Xmpp.Client.Extensions.Avatars;

/// <summary>Where an avatar, or the news of one, came from.</summary>
public enum AvatarSource
{
    /// <summary>User Avatar in PEP (XEP-0084): the metadata and data nodes.</summary>
    Pep,

    /// <summary>vCard-based avatars (XEP-0153): the vCard's PHOTO, and its hash in presence.</summary>
    VCard,
}
