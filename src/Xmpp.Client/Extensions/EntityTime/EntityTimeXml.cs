using System.Globalization;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.EntityTime;

/// <summary>
/// The entity time payload (XEP-0202): <c>&lt;time xmlns='urn:xmpp:time'&gt;&lt;tzo&gt;-06:00&lt;/tzo&gt;&lt;utc&gt;2006-12-19T17:58:35Z&lt;/utc&gt;&lt;/time&gt;</c>,
/// with the date-time and time zone formats of XEP-0082.
/// </summary>
internal static class EntityTimeXml
{
    public const string Namespace = "urn:xmpp:time";

    public static XName ElementName { get; } = XName.Get("time", Namespace);

    /// <summary>The payload for a moment in time: UTC plus the offset of <paramref name="now"/>.</summary>
    public static XElement ToXElement(DateTimeOffset now)
    {
        XNamespace ns = Namespace;
        return new XElement(
            ElementName,
            new XElement(ns + "tzo", FormatOffset(now.Offset)),
            new XElement(ns + "utc", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
    }

    /// <summary>Reads the payload as the entity's local time (its UTC time at its offset).</summary>
    /// <returns><see langword="false"/> when the tzo or utc is missing or malformed.</returns>
    public static bool TryParse(XElement element, out DateTimeOffset time)
    {
        XNamespace ns = Namespace;
        time = default;
        var tzo = (string?)element.Element(ns + "tzo");
        var utcText = (string?)element.Element(ns + "utc");
        if (tzo is null || utcText is null || !TryParseOffset(tzo.Trim(), out var offset)
            || !DateTimeOffset.TryParse(utcText.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var utc))
        {
            return false;
        }

        time = utc.ToOffset(offset);
        return true;
    }

    /// <summary>XEP-0082 TZD: <c>+hh:mm</c> or <c>-hh:mm</c>.</summary>
    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>XEP-0082 TZD: <c>Z</c>, <c>+hh:mm</c> or <c>-hh:mm</c>, within ±14 hours.</summary>
    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text == "Z")
        {
            return true;
        }

        if (text.Length != 6 || text[0] is not ('+' or '-')
            || !TimeSpan.TryParseExact(text.AsSpan(1), @"hh\:mm", CultureInfo.InvariantCulture, out var magnitude)
            || magnitude > TimeSpan.FromHours(14))
        {
            return false;
        }

        offset = text[0] == '-' ? -magnitude : magnitude;
        return true;
    }
}
