namespace Xmpp.Client.Extensions.Availability;

/// <summary>What recording one available presence did to the <see cref="PresenceTable"/>.</summary>
/// <param name="Entry">The recorded presence; <see langword="null"/> when the table had no room for it.</param>
/// <param name="Evicted">Resources of the same contact forgotten to make room (least recently updated first).</param>
/// <param name="FirstRefusal">Whether this is the first presence refused since the table was last cleared.</param>
internal readonly record struct PresenceUpdate(ResourcePresence? Entry, IReadOnlyList<ResourcePresence> Evicted, bool FirstRefusal = false);
