using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Pep;

/// <summary>One item of a PEP node (XEP-0060 §4.2): its id and its payload.</summary>
/// <param name="Id">The item's id (the node's key for it; for some nodes a meaning of its own, such as a room JID);
/// <see langword="null"/> when the server gave none.</param>
/// <param name="Payload">The item's payload element, or <see langword="null"/> for an item without one (a notification
/// that only says something changed). Treat it as read-only.</param>
public sealed record PepItem(string? Id, XElement? Payload);
