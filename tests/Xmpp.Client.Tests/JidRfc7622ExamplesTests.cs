namespace Xmpp.Client.Tests;

/// <summary>Every example of RFC 7622 §3.5 (with verified erratum 4560 applied to example 18).</summary>
public class JidRfc7622ExamplesTests
{
    [Theory]
    [InlineData("juliet@example.com", "juliet", "example.com", null)] // 1
    [InlineData("juliet@example.com/foo", "juliet", "example.com", "foo")] // 2
    [InlineData("juliet@example.com/foo bar", "juliet", "example.com", "foo bar")] // 3: space in resourcepart
    [InlineData("juliet@example.com/foo@bar", "juliet", "example.com", "foo@bar")] // 4: '@' in resourcepart
    [InlineData(@"foo\20bar@example.com", @"foo\20bar", "example.com", null)] // 5: XEP-0106 escaped space
    [InlineData("fussball@example.com", "fussball", "example.com", null)] // 6
    [InlineData("fußball@example.com", "fußball", "example.com", null)] // 7: sharp s is not mapped to "ss"
    [InlineData("π@example.com", "π", "example.com", null)] // 8
    [InlineData("Σ@example.com/foo", "σ", "example.com", "foo")] // 9: capital sigma lower-cased
    [InlineData("σ@example.com/foo", "σ", "example.com", "foo")] // 10
    [InlineData("ς@example.com/foo", "ς", "example.com", "foo")] // 11: final sigma kept
    [InlineData("king@example.com/♚", "king", "example.com", "♚")] // 12: symbol in resourcepart
    [InlineData("example.com", null, "example.com", null)] // 13
    [InlineData("example.com/foobar", null, "example.com", "foobar")] // 14
    [InlineData("a.example.com/b@example.net", null, "a.example.com", "b@example.net")] // 15
    [InlineData("juliet@example.com/ foo", "juliet", "example.com", " foo")] // 18, valid per erratum 4560
    public void Parse_accepts_the_valid_examples_of_section_3_5(
        string text, string? local, string domain, string? resource)
    {
        Jid jid = Jid.Parse(text);

        Assert.Equal(local, jid.Local);
        Assert.Equal(domain, jid.Domain);
        Assert.Equal(resource, jid.Resource);
    }

    [Theory]
    [InlineData("\"juliet\"@example.com")] // 16: quotation marks in localpart
    [InlineData("foo bar@example.com")] // 17: space in localpart
    [InlineData("@example.com/")] // 19: empty localpart and resourcepart
    [InlineData("henryⅣ@example.com")] // 20: compatibility character (ROMAN NUMERAL FOUR) in localpart
    [InlineData("♚@example.com")] // 21: symbol in localpart
    [InlineData("juliet@")] // 22: empty domainpart
    [InlineData("/foobar")] // 23: empty domainpart
    public void Parse_rejects_the_invalid_examples_of_section_3_5(string text)
    {
        Assert.Throws<FormatException>(() => Jid.Parse(text));
        Assert.False(Jid.TryParse(text, out Jid jid));
        Assert.True(jid.IsEmpty);
    }

    [Fact]
    public void Parse_gives_the_same_JID_for_capital_and_small_sigma_but_not_final_sigma()
    {
        Assert.Equal(Jid.Parse("σ@example.com/foo"), Jid.Parse("Σ@example.com/foo"));
        Assert.NotEqual(Jid.Parse("σ@example.com/foo"), Jid.Parse("ς@example.com/foo"));
    }

    [Fact]
    public void Parse_keeps_fussball_and_fußball_distinct()
    {
        Assert.NotEqual(Jid.Parse("fussball@example.com"), Jid.Parse("fußball@example.com"));
    }
}
