using System.Globalization;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Mam.Rsm;

/// <summary>Result Set Management (XEP-0059, <c>http://jabber.org/protocol/rsm</c>): the request and the page's answer.</summary>
internal static class ResultSet
{
    public const string Namespace = "http://jabber.org/protocol/rsm";

    public static readonly XName SetName = XName.Get("set", Namespace);

    /// <summary>
    /// A request for a page of at most <paramref name="max"/> items: after the item <paramref name="after"/>, or (when
    /// <paramref name="backward"/>) before the item <paramref name="before"/>, or the last page when that is
    /// <see langword="null"/> (an empty <c>&lt;before/&gt;</c>).
    /// </summary>
    public static XElement Request(int max, string? after, bool backward, string? before)
    {
        var set = new XElement(SetName, new XElement(SetName.Namespace + "max", max.ToString(CultureInfo.InvariantCulture)));
        if (backward)
        {
            set.Add(new XElement(SetName.Namespace + "before", before ?? string.Empty));
        }
        else if (after is not null)
        {
            set.Add(new XElement(SetName.Namespace + "after", after));
        }

        return set;
    }

    /// <summary>Reads the answer's <c>&lt;set/&gt;</c> (first, last, count); all <see langword="null"/> when absent.</summary>
    public static (string? First, string? Last, int? Count) Read(XElement? set)
    {
        if (set is null)
        {
            return (null, null, null);
        }

        var first = (string?)set.Element(SetName.Namespace + "first");
        var last = (string?)set.Element(SetName.Namespace + "last");
        int? count = int.TryParse((string?)set.Element(SetName.Namespace + "count"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return (first is { Length: > 0 } ? first : null, last is { Length: > 0 } ? last : null, count);
    }
}
