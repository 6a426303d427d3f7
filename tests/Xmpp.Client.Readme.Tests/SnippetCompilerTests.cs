namespace Xmpp.Client.Readme.Tests;

/// <summary>The harness itself: what it finds in Markdown, and that a block that does not compile fails, at its line.</summary>
public sealed class SnippetCompilerTests
{
    private const string Markdown = """
        # Title

        ```csharp
        static class Accounts { public static XmppClientOptions Bot => new() { Jid = Jid.Parse("bot@example.com") }; }
        ```

        ```sh
        dotnet run
        ```

        ```csharp continues
        await using var bot = new XmppClient(Accounts.Bot);
        ```

        ```csharp no-compile
        … a fragment
        ```
        """;

    [Fact]
    public void Csharp_blocks_are_found_with_their_lines_and_flags()
    {
        var blocks = ReadmeSnippets.Parse(Markdown);

        Assert.Equal([4, 12, 16], blocks.Select(b => b.Line));
        Assert.Equal([true, true, false], blocks.Select(b => b.Compile));
        Assert.Equal(4, blocks[1].Continues);
        Assert.Equal([4, 12], ReadmeSnippets.Chain(blocks, 12).Select(b => b.Line));
    }

    [Fact]
    public void A_continued_block_compiles_with_the_one_before_it()
    {
        var blocks = ReadmeSnippets.Parse(Markdown);

        Assert.Empty(SnippetCompiler.Compile(ReadmeSnippets.Chain(blocks, 12)));
        Assert.Contains(SnippetCompiler.Compile([blocks[1]]), d => d.Id == "CS0103"); // 'Accounts' alone is unknown
    }

    [Fact]
    public void A_block_that_uses_a_member_that_does_not_exist_fails_at_its_README_line()
    {
        var block = new ReadmeSnippet(40, "client.Nonexistent();\nawait client.ConnectAsync();", Compile: true, Continues: null);

        var diagnostic = Assert.Single(SnippetCompiler.Compile([block]));

        Assert.Equal("CS1061", diagnostic.Id);
        Assert.Equal(SnippetCompiler.FileName, diagnostic.Location.GetMappedLineSpan().Path);
        Assert.Equal(39, diagnostic.Location.GetMappedLineSpan().StartLinePosition.Line); // 0-based: line 40
    }

    [Fact]
    public void A_warning_fails_too()
    {
        var block = new ReadmeSnippet(1, "string? name = null;\nConsole.WriteLine(name.Length);", Compile: true, Continues: null);

        Assert.Contains(SnippetCompiler.Compile([block]), d => d.Id == "CS8602");
    }

    [Theory]
    [InlineData("```csharp compile-me\nx\n```", "unknown flag 'compile-me'")]
    [InlineData("```csharp continues\nx\n```", "no compiled C# block before it")]
    [InlineData("```csharp\nx\n", "never closed")]
    public void Malformed_blocks_are_refused(string markdown, string message)
    {
        var error = Assert.Throws<FormatException>(() => ReadmeSnippets.Parse(markdown));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
