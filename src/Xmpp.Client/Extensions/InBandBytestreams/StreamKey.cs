namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>A stream's identity: the peer's full JID and the sid (XEP-0047 sids are unique per pair of entities).</summary>
internal readonly record struct StreamKey(Jid Peer, string Sid);
