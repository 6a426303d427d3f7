namespace Xmpp.Client.Tests;

public class JidNormalisationTests
{
    [Theory]
    [InlineData("Juliet@Example.COM/Balcony", "juliet@example.com/Balcony")]
    [InlineData("JULIET@EXAMPLE.COM", "juliet@example.com")]
    [InlineData("ÉLODIE@example.com", "élodie@example.com")]
    [InlineData("ΣΩΚΡΑΤΗΣ@example.com", "σωκρατησ@example.com")]
    public void Parse_lower_cases_the_localpart_and_domainpart_but_not_the_resourcepart(string text, string canonical)
    {
        Assert.Equal(canonical, Jid.Parse(text).ToString());
    }

    [Fact]
    public void Parse_applies_NFC_to_the_localpart()
    {
        Jid decomposed = Jid.Parse("e\u0301lodie@example.com");

        Assert.Equal("\u00E9lodie", decomposed.Local);
        Assert.Equal(Jid.Parse("\u00E9lodie@example.com"), decomposed);
    }

    [Fact]
    public void Parse_applies_NFC_to_the_resourcepart_and_keeps_its_case()
    {
        Jid decomposed = Jid.Parse("a@example.com/Re\u0301sume\u0301");

        Assert.Equal("R\u00E9sum\u00E9", decomposed.Resource);
        Assert.Equal(Jid.Parse("a@example.com/R\u00E9sum\u00E9"), decomposed);
    }

    [Fact]
    public void Parse_maps_non_ASCII_spaces_in_the_resourcepart_to_a_plain_space()
    {
        Assert.Equal("a b c", Jid.Parse("a@example.com/a\u00A0b\u3000c").Resource);
    }

    [Fact]
    public void Parse_maps_fullwidth_letters_in_the_localpart_to_ASCII()
    {
        Assert.Equal("juliet", Jid.Parse("ＪＵＬＩＥＴ@example.com").Local);
    }

    [Theory]
    [InlineData("example.com.", "example.com")]
    [InlineData("juliet@example.com./balcony", "juliet@example.com/balcony")]
    [InlineData("juliet@Example.COM.", "juliet@example.com")]
    [InlineData("juliet@例え.テスト。", "juliet@例え.テスト")]
    public void Parse_removes_a_final_dot_from_the_domainpart(string text, string canonical)
    {
        Assert.Equal(canonical, Jid.Parse(text).ToString());
    }

    [Theory]
    [InlineData("juliet@BÜCHER.example", "bücher.example")]
    [InlineData("juliet@xn--bcher-kva.example", "bücher.example")]
    [InlineData("juliet@XN--BCHER-KVA.EXAMPLE", "bücher.example")]
    [InlineData("juliet@fußball.example", "fußball.example")]
    [InlineData("juliet@пример.рф", "пример.рф")]
    [InlineData("juliet@ｅｘａｍｐｌｅ．com", "example.com")]
    public void Parse_keeps_the_domainpart_in_its_lower_case_Unicode_form(string text, string domain)
    {
        Assert.Equal(domain, Jid.Parse(text).Domain);
    }

    [Fact]
    public void Parse_gives_equal_JIDs_for_the_A_label_and_U_label_of_a_domain()
    {
        Assert.Equal(Jid.Parse("a@bücher.example"), Jid.Parse("a@xn--bcher-kva.example"));
    }

    [Theory]
    [InlineData("juliet@192.0.2.1", "192.0.2.1")]
    [InlineData("juliet@[2001:db8::1]/balcony", "[2001:db8::1]")]
    [InlineData("[2001:DB8::ABCD]", "[2001:db8::abcd]")]
    [InlineData("juliet@[::ffff:192.0.2.1]", "[::ffff:192.0.2.1]")]
    public void Parse_keeps_IP_literals_with_lower_case_hex_digits(string text, string domain)
    {
        Assert.Equal(domain, Jid.Parse(text).Domain);
    }

    [Fact]
    public void Parse_of_an_IPv6_literal_splits_the_parts_around_the_brackets()
    {
        Jid jid = Jid.Parse("juliet@[2001:DB8::1]/res@ource");

        Assert.Equal("juliet@[2001:db8::1]/res@ource", jid.ToString());
        Assert.Equal("juliet", jid.Local);
        Assert.Equal("res@ource", jid.Resource);
    }

    [Fact]
    public void Constructor_normalises_each_part_like_Parse()
    {
        var jid = new Jid("Juliet", "Example.COM.", "Balcony");

        Assert.Equal(Jid.Parse("juliet@example.com/Balcony"), jid);
        Assert.Equal("juliet@example.com/Balcony", jid.ToString());
    }
}
