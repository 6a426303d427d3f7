using Xmpp.Client.Extensions.Delay;

namespace Xmpp.Client.Tests.Extensions.Delay;

public class DelayStampTests
{
    [Theory]
    [InlineData("2002-09-10T23:08:25Z", "2002-09-10T23:08:25.0000000+00:00")]
    [InlineData("2002-09-10T23:08:25.1Z", "2002-09-10T23:08:25.1000000+00:00")]
    [InlineData("2002-09-10T23:08:25.123Z", "2002-09-10T23:08:25.1230000+00:00")]
    [InlineData("2002-09-10T23:08:25.1234567Z", "2002-09-10T23:08:25.1234567+00:00")]
    [InlineData("2002-09-10T23:08:25.123456789123Z", "2002-09-10T23:08:25.1234567+00:00")]
    [InlineData("2002-09-10T23:08:25+02:00", "2002-09-10T21:08:25.0000000+00:00")]
    [InlineData("2002-09-10T23:08:25.5-05:30", "2002-09-11T04:38:25.5000000+00:00")]
    [InlineData("2002-09-10T23:08:25-00:00", "2002-09-10T23:08:25.0000000+00:00")]
    [InlineData("2002-09-10t23:08:25z", "2002-09-10T23:08:25.0000000+00:00")]
    [InlineData("2004-02-29T00:00:00Z", "2004-02-29T00:00:00.0000000+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999+00:00")]
    public void Stamps_in_the_XEP_0082_format_parse_to_UTC(string stamp, string expected)
    {
        Assert.True(XmppDateTime.TryParse(stamp, out var value));
        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2002-09-10")]
    [InlineData("2002-09-10T23:08:25")]
    [InlineData("2002-09-10T23:08:25.5")]
    [InlineData("2002-09-10 23:08:25Z")]
    [InlineData("2002-09-10T23:08:25.Z")]
    [InlineData("2002-09-10T23:08:25,5Z")]
    [InlineData("2002-09-10T23:08:25Zjunk")]
    [InlineData("2002-09-10T23:08:25+2:00")]
    [InlineData("2002-09-10T23:08:25+0200")]
    [InlineData("2002-09-10T23:08:25+15:00")]
    [InlineData("2002-09-10T23:08:25+02:60")]
    [InlineData("2002-13-10T23:08:25Z")]
    [InlineData("2002-00-10T23:08:25Z")]
    [InlineData("2003-02-29T23:08:25Z")]
    [InlineData("2002-09-31T23:08:25Z")]
    [InlineData("2002-09-10T24:00:00Z")]
    [InlineData("2002-09-10T23:60:25Z")]
    [InlineData("2002-09-10T23:08:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("20020910T23:08:25Z")]
    [InlineData("+2002-09-10T23:08:25Z")]
    [InlineData("2002-09-10T23:08:2５Z")]
    public void Garbage_stamps_are_rejected(string stamp)
    {
        Assert.False(XmppDateTime.TryParse(stamp, out _));
    }

    [Theory]
    [InlineData("2002-09-10T23:08:25Z")]
    [InlineData("2002-09-10T23:08:25.5Z")]
    [InlineData("2002-09-10T23:08:25.1234567Z")]
    public void Format_writes_UTC_with_a_fraction_only_when_there_is_one(string stamp)
    {
        Assert.True(XmppDateTime.TryParse(stamp, out var value));
        Assert.Equal(stamp, XmppDateTime.Format(value));
        Assert.Equal("2002-09-10T21:08:25Z", XmppDateTime.Format(new DateTimeOffset(2002, 9, 10, 23, 8, 25, TimeSpan.FromHours(2))));
    }
}
