namespace Xmpp.Client.Extensions.Disco;

/// <summary>An item associated with an entity (XEP-0030 §4): another entity, or a node of one.</summary>
/// <param name="Jid">The item's address.</param>
/// <param name="Node">The node at that address, if the item is a node.</param>
/// <param name="Name">A human-readable name, if given.</param>
public sealed record DiscoItem(Jid Jid, string? Node = null, string? Name = null);
