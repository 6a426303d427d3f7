using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Mam;

/// <summary>One message read from an archive (XEP-0313 §4.2): the message as archived, its archive id and when it was archived.</summary>
/// <param name="Id">The archive id (the result's <c>id</c>, equal to the XEP-0359 stanza-id the archive stamped).</param>
/// <param name="Message">The archived message (the forwarded one), with its original 'from' and 'to'.</param>
/// <param name="Timestamp">When it was archived (the forwarded <c>&lt;delay/&gt;</c>), in UTC; <see langword="null"/> when
/// the archive gave none.</param>
/// <param name="Archive">The archive it came from: the account's bare JID, or the room's.</param>
public sealed record ArchivedMessage(string Id, Message Message, DateTimeOffset? Timestamp, Jid Archive);
