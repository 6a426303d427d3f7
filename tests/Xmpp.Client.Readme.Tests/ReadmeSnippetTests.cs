namespace Xmpp.Client.Readme.Tests;

/// <summary>Every C# block of README.md compiles: one test case per block, named by its line in README.md.</summary>
public sealed class ReadmeSnippetTests
{
    public static TheoryData<int> CompiledBlocks => [.. ReadmeSnippets.All.Where(s => s.Compile).Select(s => s.Line)];

    [Theory]
    [MemberData(nameof(CompiledBlocks))]
    public void The_csharp_block_at_this_README_line_compiles(int line)
    {
        var diagnostics = SnippetCompiler.Compile(ReadmeSnippets.Chain(line));

        Assert.True(diagnostics.IsEmpty, $"The C# block at README.md line {line} does not compile:\n{string.Join('\n', diagnostics)}");
    }

    [Fact]
    public void The_README_has_its_csharp_blocks_and_almost_all_are_compiled()
    {
        var blocks = ReadmeSnippets.All;

        Assert.True(blocks.Count >= 24, $"only {blocks.Count} C# blocks found in README.md");
        Assert.True(blocks.Count(b => !b.Compile) <= 2, "more than two README blocks are marked no-compile");
    }
}
