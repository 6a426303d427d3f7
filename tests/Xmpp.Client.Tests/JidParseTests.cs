namespace Xmpp.Client.Tests;

public class JidParseTests
{
    [Theory]
    [InlineData("a@b/c@d", "a", "b", "c@d")]
    [InlineData("a@b/c/d", "a", "b", "c/d")]
    [InlineData("b/c@d/e", null, "b", "c@d/e")]
    [InlineData("b/@", null, "b", "@")]
    public void Parse_splits_on_the_first_slash_and_the_first_at_sign_before_it(
        string text, string? local, string domain, string resource)
    {
        Jid jid = Jid.Parse(text);

        Assert.Equal(local, jid.Local);
        Assert.Equal(domain, jid.Domain);
        Assert.Equal(resource, jid.Resource);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("/")]
    [InlineData("@/")]
    [InlineData("@example.com")]
    [InlineData("example.com/")]
    [InlineData("a@")]
    [InlineData("a@/r")]
    [InlineData("a@b@example.com")]
    [InlineData(".")]
    [InlineData("a@.")]
    public void Parse_rejects_empty_parts_and_a_second_at_sign(string text)
    {
        Assert.Throws<FormatException>(() => Jid.Parse(text));
    }

    [Theory]
    [InlineData("a\"b@example.com")]
    [InlineData("a&b@example.com")]
    [InlineData("a'b@example.com")]
    [InlineData("a:b@example.com")]
    [InlineData("a<b@example.com")]
    [InlineData("a>b@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("a\tb@example.com")]
    [InlineData("a\u007Fb@example.com")]
    [InlineData("a\u00A0b@example.com")] // No-break space.
    [InlineData("a\u3000b@example.com")] // Ideographic space.
    [InlineData("a\u200Db@example.com")] // Zero-width joiner (format character).
    [InlineData("a\u00B7b@example.com")] // Middle dot (punctuation).
    [InlineData("a\u01C5b@example.com")] // Titlecase dž lower-cases, but the ligature is a compatibility character.
    [InlineData("ﬀ@example.com")] // Ligature: compatibility character.
    [InlineData("a\u0640b@example.com")] // Arabic tatweel: RFC 5892 exception, disallowed.
    [InlineData("\uE000@example.com")] // Private use.
    public void Parse_rejects_localparts_with_forbidden_characters(string text)
    {
        FormatException error = Assert.Throws<FormatException>(() => Jid.Parse(text));

        Assert.Contains("localpart", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a@example.com/x\u0000y")]
    [InlineData("a@example.com/x\ny")]
    [InlineData("a@example.com/x\u0085y")] // C1 control.
    [InlineData("a@example.com/x\u007Fy")]
    public void Parse_rejects_resourceparts_with_control_characters(string text)
    {
        FormatException error = Assert.Throws<FormatException>(() => Jid.Parse(text));

        Assert.Contains("resourcepart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_unpaired_surrogates()
    {
        // Built in code: xunit would turn a lone surrogate in InlineData into U+FFFD.
        string high = char.ConvertFromUtf32(0x1F600)[..1];
        string low = char.ConvertFromUtf32(0x1F600)[1..];

        Assert.False(Jid.TryParse("a" + high + "@example.com", out _));
        Assert.False(Jid.TryParse("a@exam" + low + "ple.com", out _));
        Assert.False(Jid.TryParse("a@example.com/" + high, out _));
        Assert.False(Jid.TryParse("a@example.com/x" + low + high, out _));
        Assert.True(Jid.TryParse("a@example.com/x" + high + low, out _));
    }

    [Fact]
    public void Parse_accepts_parts_of_exactly_1023_bytes()
    {
        string local = new('l', 1023);
        string resource = new('r', 1023);

        Jid jid = Jid.Parse($"{local}@example.com/{resource}");

        Assert.Equal(local, jid.Local);
        Assert.Equal(resource, jid.Resource);
    }

    [Fact]
    public void Parse_rejects_a_localpart_of_1024_bytes()
    {
        FormatException error = Assert.Throws<FormatException>(() => Jid.Parse(new string('l', 1024) + "@example.com"));

        Assert.Contains("1023 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_a_resourcepart_of_1024_bytes()
    {
        Assert.Throws<FormatException>(() => Jid.Parse("a@example.com/" + new string('r', 1024)));
    }

    [Fact]
    public void Parse_counts_UTF8_bytes_not_characters()
    {
        string twoByteLocal511 = new('é', 511); // 1022 bytes.
        string twoByteLocal512 = new('é', 512); // 1024 bytes, only 512 characters.
        string threeByteResource341 = new('€', 341); // 1023 bytes.
        string threeByteResource342 = new('€', 342); // 1026 bytes.

        Assert.True(Jid.TryParse(twoByteLocal511 + "@example.com", out _));
        Assert.False(Jid.TryParse(twoByteLocal512 + "@example.com", out _));
        Assert.True(Jid.TryParse("a@example.com/" + threeByteResource341, out _));
        Assert.False(Jid.TryParse("a@example.com/" + threeByteResource342, out _));
    }

    [Fact]
    public void Parse_counts_the_bytes_of_a_resourcepart_with_characters_outside_the_BMP()
    {
        string emoji255 = string.Concat(Enumerable.Repeat("😀", 255)); // 1020 bytes.
        string emoji256 = string.Concat(Enumerable.Repeat("😀", 256)); // 1024 bytes.

        Assert.True(Jid.TryParse("a@example.com/" + emoji255 + "abc", out _));
        Assert.False(Jid.TryParse("a@example.com/" + emoji256, out _));
    }

    [Fact]
    public void Parse_rejects_a_domainpart_longer_than_a_DNS_name()
    {
        string label = new('d', 63);
        string longest = $"{label}.{label}.{label}.{new string('d', 61)}"; // 253 characters.

        Assert.True(Jid.TryParse(longest, out _));
        Assert.False(Jid.TryParse(longest + "d", out _));
        Assert.False(Jid.TryParse(new string('d', 1024), out _));
    }

    [Theory]
    [InlineData("a..example.com")]
    [InlineData(".example.com")]
    [InlineData("example.com..")]
    [InlineData("-example.com")]
    [InlineData("example-.com")]
    [InlineData("ab--cd.com")]
    [InlineData("exa_mple.com")]
    [InlineData("exa mple.com")]
    [InlineData("xn--abc.com")]
    public void Parse_rejects_domainparts_that_are_not_valid_domain_names(string domain)
    {
        FormatException error = Assert.Throws<FormatException>(() => Jid.Parse("user@" + domain));

        Assert.Contains("domainpart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_a_label_longer_than_63_characters()
    {
        Assert.True(Jid.TryParse(new string('a', 63) + ".com", out _));
        Assert.False(Jid.TryParse(new string('a', 64) + ".com", out _));
    }

    [Theory]
    [InlineData("[127.0.0.1]")]
    [InlineData("[::1")]
    [InlineData("::1]")]
    [InlineData("[]")]
    [InlineData("[fe80::1%eth0]")]
    [InlineData("[example.com]")]
    public void Parse_rejects_malformed_IP_literals(string domain)
    {
        Assert.False(Jid.TryParse("user@" + domain, out _));
    }

    [Fact]
    public void TryParse_returns_false_for_null()
    {
        Assert.False(Jid.TryParse((string?)null, out Jid jid));
        Assert.True(jid.IsEmpty);
    }

    [Fact]
    public void Parse_throws_ArgumentNullException_for_null()
    {
        Assert.Throws<ArgumentNullException>(() => Jid.Parse((string)null!));
    }

    [Fact]
    public void Parse_error_message_quotes_the_text_and_gives_the_reason()
    {
        FormatException error = Assert.Throws<FormatException>(() => Jid.Parse("juliet@exa_mple.com"));

        Assert.Equal(
            "\"juliet@exa_mple.com\" is not a valid JID: the domainpart contains a character other than letters, " +
            "digits, '-' and '.'.",
            error.Message);
    }

    [Fact]
    public void Parse_error_message_shortens_very_long_text()
    {
        FormatException error = Assert.Throws<FormatException>(() => Jid.Parse(new string('x', 5000) + "@"));

        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Fact]
    public void Parse_of_a_span_gives_the_same_JID_as_parse_of_a_string()
    {
        const string Text = "Juliet@Example.com/balcony";

        Assert.Equal(Jid.Parse(Text), Jid.Parse(Text.AsSpan()));
        Assert.True(Jid.TryParse("xx juliet@example.com xx".AsSpan(3, 18), out Jid sliced));
        Assert.Equal("juliet@example.com", sliced.ToString());
        Assert.False(Jid.TryParse("juliet@".AsSpan(), out _));
        Assert.Throws<FormatException>(() => Jid.Parse("juliet@".AsSpan()));
    }
}
