namespace Xmpp.Client.Xml;

/// <summary>
/// A top-level element the parser skipped because it broke a per-element limit (depth, attributes, size): what
/// could be read of it before the limit, for the log and for an error reply. The stream stays usable.
/// </summary>
/// <param name="Name">The element's local name, or <see langword="null"/> if the limit was reached inside the name.</param>
/// <param name="Namespace">Its namespace, when its start tag was read whole.</param>
/// <param name="Id">Its <c>id</c> attribute, if read before the limit.</param>
/// <param name="From">Its <c>from</c> attribute, if read before the limit (not validated).</param>
/// <param name="To">Its <c>to</c> attribute, if read before the limit (not validated).</param>
/// <param name="Type">Its <c>type</c> attribute, if read before the limit.</param>
/// <param name="StartTagRead">Whether its start tag was read whole: if not, an attribute missing here (such as
/// <c>from</c>) may just not have been read yet.</param>
/// <param name="Reason">Which limit it broke, in words.</param>
/// <param name="Offset">Where it started in the stream (bytes).</param>
/// <param name="Length">Its length in bytes.</param>
internal sealed record SkippedElement(
    string? Name, string? Namespace, string? Id, string? From, string? To, string? Type, bool StartTagRead, string Reason,
    long Offset, long Length);
