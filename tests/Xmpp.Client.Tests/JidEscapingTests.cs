namespace Xmpp.Client.Tests;

/// <summary>XEP-0106 (JID Escaping): the §5.1 table of examples, the §4.3 exceptions and the business rules.</summary>
public class JidEscapingTests
{
    [Theory]
    [InlineData("space cadet", @"space\20cadet")] // 1
    [InlineData("call me \"ishmael\"", @"call\20me\20\22ishmael\22")] // 2
    [InlineData("at&t guy", @"at\26t\20guy")] // 3
    [InlineData("d'artagnan", @"d\27artagnan")] // 4
    [InlineData("/.fanboy", @"\2f.fanboy")] // 5
    [InlineData("::foo::", @"\3a\3afoo\3a\3a")] // 6
    [InlineData("<foo>", @"\3cfoo\3e")] // 7
    [InlineData("user@host", @"user\40host")] // 8
    [InlineData(@"c:\5commas", @"c\3a\5c5commas")] // 12
    [InlineData(@"\3and\2is\5cool", @"\5c3and\2is\5c5cool")] // §4.2 IMPS example
    [InlineData("here's_a_wild_&_/cr%zy/_address", @"here\27s_a_wild_\26_\2fcr%zy\2f_address")] // §5.2 email
    public void EscapeLocal_and_UnescapeLocal_follow_the_examples(string unescaped, string escaped)
    {
        Assert.Equal(escaped, Jid.EscapeLocal(unescaped));
        Assert.Equal(unescaped, Jid.UnescapeLocal(escaped));
    }

    [Theory]
    [InlineData(@"c\3a\5cnet", @"c:\net")] // 9
    [InlineData(@"c\3a\5c\5cnet", @"c:\\net")] // 10
    [InlineData(@"c\3a\5ccool\20stuff", @"c:\cool stuff")] // 11
    public void UnescapeLocal_follows_the_examples_that_escape_a_lone_backslash(string escaped, string unescaped)
    {
        Assert.Equal(unescaped, Jid.UnescapeLocal(escaped));
    }

    [Theory]
    [InlineData(@"c:\net", @"c\3a\net")] // 9
    [InlineData(@"c:\\net", @"c\3a\\net")] // 10
    [InlineData(@"c:\cool stuff", @"c\3a\cool\20stuff")] // 11
    public void EscapeLocal_keeps_a_backslash_that_starts_no_escape_sequence_and_still_round_trips(
        string unescaped, string escaped)
    {
        // XEP-0106 §4.3 says such backslashes are not modified; the §5.1 table escapes them anyway. Both unescape alike.
        Assert.Equal(escaped, Jid.EscapeLocal(unescaped));
        Assert.Equal(unescaped, Jid.UnescapeLocal(escaped));
    }

    [Theory]
    [InlineData(@"\2plus\2is\4")] // Partial escape sequences.
    [InlineData(@"foo\bar")] // Not an escape sequence.
    [InlineData(@"foob\41r")] // Escape of a character that is not on the list.
    [InlineData(@"tail\2")]
    [InlineData(@"tail\")]
    public void Partial_and_unknown_escape_sequences_are_not_modified_either_way(string value)
    {
        Assert.Equal(value, Jid.EscapeLocal(value));
        Assert.Equal(value, Jid.UnescapeLocal(value));
    }

    [Theory]
    [InlineData(@"\2F")]
    [InlineData(@"\3A")]
    [InlineData(@"\5C")]
    public void UnescapeLocal_only_knows_lower_case_sequences(string value)
    {
        Assert.Equal(value, Jid.UnescapeLocal(value));
    }

    [Fact]
    public void UnescapeLocal_does_not_rescan_what_it_produced()
    {
        Assert.Equal(@"\20", Jid.UnescapeLocal(@"\5c20"));
    }

    [Theory]
    [InlineData(" cadet")]
    [InlineData("cadet ")]
    [InlineData(" ")]
    public void EscapeLocal_rejects_a_leading_or_trailing_space(string value)
    {
        Assert.Throws<ArgumentException>(() => Jid.EscapeLocal(value));
    }

    [Fact]
    public void EscapeLocal_returns_the_same_string_when_nothing_needs_escaping()
    {
        const string Name = "juliet";

        Assert.Same(Name, Jid.EscapeLocal(Name));
        Assert.Same(Name, Jid.UnescapeLocal(Name));
    }

    [Fact]
    public void An_escaped_name_is_a_valid_localpart()
    {
        string escaped = Jid.EscapeLocal("call me \"ishmael\" @ d'artagnan's & <co>: a/b");

        var jid = new Jid(escaped, "example.com");

        Assert.Equal("call me \"ishmael\" @ d'artagnan's & <co>: a/b", Jid.UnescapeLocal(jid.Local!));
    }

    [Fact]
    public void Escaping_helpers_reject_null()
    {
        Assert.Throws<ArgumentNullException>(() => Jid.EscapeLocal(null!));
        Assert.Throws<ArgumentNullException>(() => Jid.UnescapeLocal(null!));
    }
}
