namespace Xmpp.Client.Tests;

/// <summary>
/// Deterministic allocation checks (bytes allocated on this thread, not timings): parsing a canonical ASCII JID costs
/// at most the JID's own string.
/// </summary>
public class JidAllocationTests
{
    [Theory]
    [InlineData("juliet@example.com")]
    [InlineData("juliet@example.com/balcony")]
    [InlineData("conference.example.com")]
    [InlineData("room@conference.example.com/Nick Name")]
    public void Parse_of_a_canonical_ASCII_string_allocates_at_most_its_string_and_reuses_it(string text)
    {
        Jid.Parse(text); // Warm up: JIT and static initialisation are not the parser's allocations.

        long before = GC.GetAllocatedBytesForCurrentThread();
        Jid jid = Jid.Parse(text);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated <= StringSize(text), $"Parse allocated {allocated} bytes");
        Assert.Same(text, jid.ToString());
    }

    [Fact]
    public void Parse_of_canonical_ASCII_characters_allocates_at_most_one_string()
    {
        const string Text = "juliet@example.com/balcony";
        Jid.Parse(Text.AsSpan());

        long before = GC.GetAllocatedBytesForCurrentThread();
        Jid jid = Jid.Parse(Text.AsSpan());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated <= StringSize(Text), $"Parse allocated {allocated} bytes");
        Assert.Equal(Text, jid.ToString());
    }

    [Fact]
    public void Parse_of_a_mixed_case_ASCII_JID_allocates_only_the_canonical_string()
    {
        const string Text = "Juliet@Example.COM/balcony";
        Jid.Parse(Text);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Jid.Parse(Text);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated <= StringSize(Text), $"Parse allocated {allocated} bytes");
    }

    [Fact]
    public void ToString_and_equality_do_not_allocate()
    {
        Jid first = Jid.Parse("juliet@example.com/balcony");
        Jid second = Jid.Parse("Juliet@example.com/balcony");
        _ = first == second;
        _ = first.GetHashCode();

        long before = GC.GetAllocatedBytesForCurrentThread();
        string text = first.ToString();
        bool equal = first == second;
        int hash = first.GetHashCode() ^ second.GetHashCode();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(equal);
        Assert.NotEmpty(text);
        Assert.Equal(0, hash);
    }

    /// <summary>The heap size of a string on 64-bit .NET: header, method table, length, characters and terminator.</summary>
    private static long StringSize(string text) => 22 + (2L * text.Length) + 8;
}
