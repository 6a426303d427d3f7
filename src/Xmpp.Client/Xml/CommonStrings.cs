namespace Xmpp.Client.Xml;

/// <summary>Names, namespaces and attribute values that nearly every XMPP stream repeats; interned once per process.</summary>
internal static class CommonStrings
{
    public static readonly string[] All =
    [
        // Namespaces.
        XmlNamespaces.Client, XmlNamespaces.Server, XmlNamespaces.Streams, XmlNamespaces.Xml,
        "urn:ietf:params:xml:ns:xmpp-streams", "urn:ietf:params:xml:ns:xmpp-stanzas", "urn:ietf:params:xml:ns:xmpp-tls",
        "urn:ietf:params:xml:ns:xmpp-sasl", "urn:ietf:params:xml:ns:xmpp-bind", "urn:ietf:params:xml:ns:xmpp-session",
        "jabber:iq:roster", "jabber:iq:version", "jabber:iq:last", "jabber:iq:private", "jabber:iq:register", "jabber:x:data",
        "jabber:x:oob", "jabber:x:conference", "vcard-temp", "vcard-temp:x:update", "urn:xmpp:delay", "jabber:x:delay",
        "urn:xmpp:sid:0", "urn:xmpp:sm:3", "urn:xmpp:ping", "urn:xmpp:time", "urn:xmpp:receipts", "urn:xmpp:carbons:2",
        "urn:xmpp:forward:0", "urn:xmpp:mam:2", "urn:xmpp:mam:1", "urn:xmpp:hints", "urn:xmpp:chat-markers:0",
        "urn:xmpp:message-correct:0", "urn:xmpp:reactions:0", "urn:xmpp:reply:0", "urn:xmpp:http:upload:0",
        "urn:xmpp:features:rosterver", "urn:xmpp:features:pre-approval", "urn:xmpp:csi:0", "urn:xmpp:bookmarks:1",
        "urn:xmpp:idle:1", "urn:xmpp:avatar:metadata", "urn:xmpp:avatar:data", "urn:xmpp:jingle:1", "urn:xmpp:omemo:2",
        "eu.siacs.conversations.axolotl", "http://jabber.org/protocol/chatstates", "http://jabber.org/protocol/caps",
        "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items", "http://jabber.org/protocol/muc",
        "http://jabber.org/protocol/muc#user", "http://jabber.org/protocol/muc#owner", "http://jabber.org/protocol/muc#admin",
        "http://jabber.org/protocol/pubsub", "http://jabber.org/protocol/pubsub#event", "http://jabber.org/protocol/pubsub#owner",
        "http://jabber.org/protocol/rsm", "http://jabber.org/protocol/nick", "http://jabber.org/protocol/address",
        "http://jabber.org/protocol/xhtml-im", "http://www.w3.org/1999/xhtml", "http://jabber.org/features/iq-register",
        "http://jabber.org/protocol/compress", "http://jabber.org/protocol/ibb", "http://jabber.org/protocol/bytestreams",
        "http://jabber.org/protocol/commands", "urn:xmpp:blocking", "urn:xmpp:push:0", "storage:bookmarks",

        // Element names.
        "stream", "features", "error", "message", "presence", "iq", "body", "subject", "thread", "show", "status",
        "priority", "query", "item", "items", "group", "x", "c", "delay", "stanza-id", "origin-id", "active", "composing",
        "paused", "inactive", "gone", "starttls", "required", "proceed", "failure", "mechanisms", "mechanism", "auth",
        "challenge", "response", "success", "abort", "bind", "resource", "jid", "session", "optional", "enable",
        "enabled", "resume", "resumed", "a", "r", "sm", "ver", "ping", "time", "tzo", "utc", "request", "received",
        "result", "forwarded", "sent", "private", "fin", "set", "first", "last", "count", "max", "after", "before",
        "markable", "displayed", "acknowledged", "store", "no-store", "no-copy", "no-permanent-store", "replace",
        "event", "pubsub", "publish", "retract", "subscription", "affiliation", "nick", "photo", "identity", "feature",
        "field", "value", "option", "instructions", "title", "reported", "text", "html", "blocklist", "block", "unblock",
        "info", "data", "metadata", "addresses", "address", "reason", "destroy", "invite", "decline", "password",
        "history", "actor", "continue", "register", "csi", "sub", "conference", "storage", "slot", "get", "put",
        "header", "encrypted", "payload", "keys", "key", "encryption", "reactions", "reaction", "reply", "fallback",
        "bad-request", "conflict", "feature-not-implemented", "forbidden", "internal-server-error", "item-not-found",
        "jid-malformed", "not-acceptable", "not-allowed", "not-authorized", "policy-violation", "recipient-unavailable",
        "redirect", "registration-required", "remote-server-not-found", "remote-server-timeout", "resource-constraint",
        "service-unavailable", "subscription-required", "undefined-condition", "unexpected-request",

        // Attribute names.
        "to", "from", "id", "type", "xmlns", "lang", "version", "stamp", "by", "node", "hash", "name", "ask",
        "code", "var", "category", "label", "role", "h", "location", "max", "previd", "queryid", "xmlns:stream",
        "seconds", "xml", "height", "width", "bytes", "url", "size", "filename", "content-type", "sid", "rid", "jid",
        "approved", "affiliation", "role", "nick", "status", "xml:lang", "for",

        // Attribute values.
        "chat", "groupchat", "normal", "headline", "get", "result", "unavailable", "subscribe", "subscribed",
        "unsubscribe", "unsubscribed", "probe", "away", "xa", "dnd", "both", "none", "remove", "sha-1", "sha-256",
        "en", "1.0", "true", "false", "cancel", "modify", "wait", "continue", "client", "pc", "phone", "bot", "web",
        "console", "submit", "form", "text-single", "hidden", "boolean", "list-single", "member", "owner", "admin",
        "participant", "moderator", "visitor", "outcast", "110", "100", "170", "201", "0", "1",
    ];
}
