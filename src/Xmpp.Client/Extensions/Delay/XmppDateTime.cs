using System.Globalization;

namespace Xmpp.Client.Extensions.Delay;

/// <summary>
/// The XEP-0082 DateTime profile (<c>CCYY-MM-DDThh:mm:ss[.sss]TZD</c>): parsed strictly except for the fraction of a
/// second, which may have any number of digits (digits past the 7th, below .NET's tick, are dropped).
/// </summary>
internal static class XmppDateTime
{
    private const int MaxOffsetMinutes = 14 * 60;

    /// <summary>Formats a moment in UTC, with a fraction only when it has one: <c>2002-09-10T23:08:25Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a DateTime with a time zone (<c>Z</c> or <c>±hh:mm</c>) into UTC. <see langword="false"/> for anything
    /// else: a missing zone, a date alone, out-of-range fields, a leap second (:60), trailing text.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20
            || !TryDigits(text, 0, 4, out var year) || text[4] != '-'
            || !TryDigits(text, 5, 2, out var month) || text[7] != '-'
            || !TryDigits(text, 8, 2, out var day) || text[10] is not ('T' or 't')
            || !TryDigits(text, 11, 2, out var hour) || text[13] != ':'
            || !TryDigits(text, 14, 2, out var minute) || text[16] != ':'
            || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (text[position] == '.')
        {
            position++;
            var start = position;
            var scale = TimeSpan.TicksPerSecond;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                if (scale > 1)
                {
                    scale /= 10;
                    fractionTicks += (text[position] - '0') * scale;
                }

                position++;
            }

            if (position == start)
            {
                return false;
            }
        }

        if (!TryZone(text[position..], out var offsetMinutes)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utc = local - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }

    private static bool TryZone(ReadOnlySpan<char> zone, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (zone is ['Z' or 'z'])
        {
            return true;
        }

        if (zone.Length != 6 || zone[0] is not ('+' or '-') || zone[3] != ':'
            || !TryDigits(zone, 1, 2, out var hours) || !TryDigits(zone, 4, 2, out var minutes) || minutes > 59)
        {
            return false;
        }

        offsetMinutes = (hours * 60) + minutes;
        if (offsetMinutes > MaxOffsetMinutes)
        {
            return false;
        }

        if (zone[0] == '-')
        {
            offsetMinutes = -offsetMinutes;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
