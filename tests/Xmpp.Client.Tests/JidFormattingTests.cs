namespace Xmpp.Client.Tests;

public class JidFormattingTests
{
    [Fact]
    public void TryFormat_writes_the_canonical_text()
    {
        Jid jid = Jid.Parse("Juliet@Example.com/balcony");
        Span<char> buffer = stackalloc char[64];

        Assert.True(jid.TryFormat(buffer, out int written, default, null));
        Assert.Equal("juliet@example.com/balcony", buffer[..written].ToString());
    }

    [Fact]
    public void TryFormat_into_a_buffer_of_the_exact_length_succeeds()
    {
        Jid jid = Jid.Parse("juliet@example.com");
        char[] buffer = new char[jid.ToString().Length];

        Assert.True(jid.TryFormat(buffer, out int written, default, null));
        Assert.Equal(buffer.Length, written);
    }

    [Fact]
    public void TryFormat_into_a_too_small_buffer_returns_false_and_writes_nothing()
    {
        Jid jid = Jid.Parse("juliet@example.com/balcony");
        char[] buffer = new char[10];

        Assert.False(jid.TryFormat(buffer, out int written, default, null));
        Assert.Equal(0, written);
        Assert.All(buffer, c => Assert.Equal('\0', c));
    }

    [Fact]
    public void String_interpolation_and_IFormattable_use_the_canonical_text()
    {
        Jid jid = Jid.Parse("ROMEO@example.net");

        Assert.Equal("to=romeo@example.net", $"to={jid}");
        Assert.Equal("romeo@example.net", ((IFormattable)jid).ToString("X", null));
    }

    [Fact]
    public void Generic_parsing_through_ISpanParsable_works()
    {
        Assert.Equal(Jid.Parse("romeo@example.net"), ParseAs<Jid>("Romeo@Example.net"));
        Assert.Equal(Jid.Parse("romeo@example.net"), ParseSpanAs<Jid>("Romeo@Example.net"));
        Assert.False(TryParseAs<Jid>("@example.net", out _));
        Assert.False(TryParseAs<Jid>(null, out _));
        Assert.True(TryParseSpanAs<Jid>("example.net", out Jid parsed));
        Assert.Equal("example.net", parsed.ToString());
        Assert.Throws<FormatException>(() => ParseSpanAs<Jid>("a@"));
    }

    [Fact]
    public void ToString_round_trips_through_Parse()
    {
        Jid original = Jid.Parse("Σ@BÜCHER.example./Res Ü");

        Assert.Equal(original, Jid.Parse(original.ToString()));
    }

    private static T ParseAs<T>(string text)
        where T : IParsable<T> => T.Parse(text, null);

    private static T ParseSpanAs<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), null);

    private static bool TryParseAs<T>(string? text, out T? result)
        where T : IParsable<T> => T.TryParse(text, null, out result);

    private static bool TryParseSpanAs<T>(string text, out T? result)
        where T : ISpanParsable<T> => T.TryParse(text.AsSpan(), null, out result);
}
