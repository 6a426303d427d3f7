using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>What a room says about itself in service discovery (XEP-0045 §6.4): name, kind, and the muc#roominfo form's values.</summary>
public sealed class MucRoomInfo
{
    internal MucRoomInfo(Jid room, DiscoInfo info, string? description, string? subject, int? occupants)
    {
        Room = room;
        Info = info;
        Name = info.Identities.FirstOrDefault(identity => identity.Category == "conference")?.Name;
        Description = description;
        Subject = subject;
        Occupants = occupants;
    }

    /// <summary>The room.</summary>
    public Jid Room { get; }

    /// <summary>The whole answer: identities, features and forms.</summary>
    public DiscoInfo Info { get; }

    /// <summary>The room's name, if it has one.</summary>
    public string? Name { get; }

    /// <summary>Its description (muc#roominfo_description), if given.</summary>
    public string? Description { get; }

    /// <summary>Its subject (muc#roominfo_subject), if given.</summary>
    public string? Subject { get; }

    /// <summary>How many are in it (muc#roominfo_occupants), if given.</summary>
    public int? Occupants { get; }

    /// <summary>A password is needed to enter (muc_passwordprotected).</summary>
    public bool IsPasswordProtected => Has("muc_passwordprotected");

    /// <summary>Only members may enter (muc_membersonly).</summary>
    public bool IsMembersOnly => Has("muc_membersonly");

    /// <summary>Only occupants with voice may speak (muc_moderated).</summary>
    public bool IsModerated => Has("muc_moderated");

    /// <summary>The room lives on when the last occupant leaves (muc_persistent).</summary>
    public bool IsPersistent => Has("muc_persistent");

    /// <summary>Occupants' real JIDs are visible to everyone (muc_nonanonymous).</summary>
    public bool IsNonAnonymous => Has("muc_nonanonymous");

    /// <summary>The room is listed by the service (muc_public; <c>muc_hidden</c> otherwise).</summary>
    public bool IsPublic => Has("muc_public");

    /// <summary>The room answers self-pings itself (XEP-0410 §3.3), without asking the occupant's client.</summary>
    public bool OptimizesSelfPing => Has(MucNamespaces.SelfPingOptimization);

    private bool Has(string feature) => Info.HasFeature(feature);
}
