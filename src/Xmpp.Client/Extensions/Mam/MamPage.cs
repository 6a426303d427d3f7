namespace Xmpp.Client.Extensions.Mam;

/// <summary>One page of a query (XEP-0313 §4.3 with XEP-0059): its messages, oldest first, and where it ends.</summary>
/// <param name="Messages">The page's messages, oldest first (also for a backward query).</param>
/// <param name="First">The archive id of the page's first message (RSM <c>&lt;first/&gt;</c>).</param>
/// <param name="Last">The archive id of the page's last message (RSM <c>&lt;last/&gt;</c>).</param>
/// <param name="Complete">The server said there is nothing further in the query's direction (<c>&lt;fin complete='true'/&gt;</c>).</param>
/// <param name="Count">The number of messages the whole query matches, when the server said (RSM <c>&lt;count/&gt;</c>).</param>
public sealed record MamPage(IReadOnlyList<ArchivedMessage> Messages, string? First, string? Last, bool Complete, int? Count);
