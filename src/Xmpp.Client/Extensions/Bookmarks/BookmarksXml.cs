using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Bookmarks;

/// <summary>The two bookmark formats: XEP-0402's PEP items and XEP-0048's storage element.</summary>
internal static class BookmarksXml
{
    public const string Node = "urn:xmpp:bookmarks:1";

    public static readonly XNamespace Ns = Node;
    public static readonly XName Conference = Ns + "conference";
    public static readonly XNamespace LegacyNs = "storage:bookmarks";
    public static readonly XName Storage = LegacyNs + "storage";
    public static readonly XName LegacyConference = LegacyNs + "conference";
    public static readonly XName PrivateQuery = XName.Get("query", "jabber:iq:private");

    /// <summary>A bookmark as a XEP-0402 item payload (the room is the item's id).</summary>
    public static XElement ToConference(Bookmark bookmark)
    {
        var conference = new XElement(Conference, Attributes(bookmark));
        AddChildren(conference, Ns, bookmark);
        if (bookmark.Extensions.Count > 0)
        {
            conference.Add(new XElement(Ns + "extensions", bookmark.Extensions.Select(extension => new XElement(extension))));
        }

        return conference;
    }

    /// <summary>A bookmark as a XEP-0048 conference element.</summary>
    public static XElement ToLegacyConference(Bookmark bookmark)
    {
        var conference = new XElement(LegacyConference, Attributes(bookmark), new XAttribute("jid", bookmark.Room.ToString()));
        AddChildren(conference, LegacyNs, bookmark);
        return conference;
    }

    /// <summary>Reads a XEP-0402 item: its id is the room. Throws <see cref="FormatException"/> when it cannot.</summary>
    public static Bookmark FromItem(string? id, XElement? payload)
    {
        var room = Room(id);
        if (payload is null || payload.Name != Conference)
        {
            throw new FormatException($"the item for {room} holds no <conference xmlns='{Node}'/>");
        }

        return Read(room, payload, Ns) with
        {
            Extensions = payload.Element(Ns + "extensions") is { } extensions ? [.. extensions.Elements()] : [],
        };
    }

    /// <summary>Reads a XEP-0048 conference. Throws <see cref="FormatException"/> when it cannot.</summary>
    public static Bookmark FromLegacyConference(XElement conference) => Read(Room((string?)conference.Attribute("jid")), conference, LegacyNs);

    /// <summary>A room JID as a bookmark's key: a valid bare JID.</summary>
    public static Jid Room(string? text) =>
        Jid.TryParse(text, out var room) && room.IsBare
            ? room
            : throw new FormatException($"'{Common.RemoteText.Quote(text ?? string.Empty)}' is not a room's bare JID");

    private static Bookmark Read(Jid room, XElement conference, XNamespace ns) => new(
        room,
        (string?)conference.Attribute("name"),
        (string?)conference.Attribute("autojoin") is "true" or "1",
        conference.Element(ns + "nick")?.Value,
        conference.Element(ns + "password")?.Value);

    private static IEnumerable<XAttribute> Attributes(Bookmark bookmark)
    {
        if (bookmark.Name is not null)
        {
            yield return new XAttribute("name", bookmark.Name);
        }

        if (bookmark.Autojoin)
        {
            yield return new XAttribute("autojoin", "true");
        }
    }

    private static void AddChildren(XElement conference, XNamespace ns, Bookmark bookmark)
    {
        if (bookmark.Nick is not null)
        {
            conference.Add(new XElement(ns + "nick", bookmark.Nick));
        }

        if (bookmark.Password is not null)
        {
            conference.Add(new XElement(ns + "password", bookmark.Password));
        }
    }
}
