namespace Xmpp.Client.Extensions.Mam;

/// <summary>Which messages the server archives when neither list of <see cref="MamPreferences"/> names the peer (XEP-0313 §6).</summary>
public enum MamDefaultBehavior
{
    /// <summary>Every message (<c>always</c>).</summary>
    Always,

    /// <summary>None (<c>never</c>).</summary>
    Never,

    /// <summary>Only messages with contacts in the roster (<c>roster</c>).</summary>
    Roster,
}
