namespace Xmpp.Client.Readme.Tests;

/// <summary>
/// Finds the C# blocks of a Markdown file: fences whose info string starts with <c>csharp</c>, <c>cs</c> or
/// <c>c#</c>. Words after the language are flags: <c>no-compile</c> (a fragment that cannot compile on its own, to be
/// rare) and <c>continues</c> (compiled with the C# block before it). Renderers (GitHub, nuget.org) read only the first
/// word, so flags never show. Any other word is refused, so a misspelt flag cannot hide a block from the compiler.
/// </summary>
internal static class ReadmeSnippets
{
    private static readonly string[] CSharp = ["csharp", "cs", "c#"];
    private static readonly Lazy<IReadOnlyList<ReadmeSnippet>> Readme = new(() =>
        Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"))));

    /// <summary>The C# blocks of the repository's README.md (copied next to the test assembly by the build).</summary>
    public static IReadOnlyList<ReadmeSnippet> All => Readme.Value;

    /// <summary>The block at <paramref name="line"/> of README.md with the blocks it continues, first block first.</summary>
    public static IReadOnlyList<ReadmeSnippet> Chain(int line) => Chain(All, line);

    public static IReadOnlyList<ReadmeSnippet> Chain(IReadOnlyList<ReadmeSnippet> snippets, int line)
    {
        var chain = new List<ReadmeSnippet>();
        for (int? next = line; next is { } current;)
        {
            var snippet = snippets.Single(s => s.Line == current);
            chain.Insert(0, snippet);
            next = snippet.Continues;
        }

        return chain;
    }

    public static IReadOnlyList<ReadmeSnippet> Parse(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var snippets = new List<ReadmeSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart();
            if (!fence.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            if (end == lines.Length)
            {
                throw new FormatException($"The block fenced at line {i + 1} is never closed.");
            }

            var words = fence[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 0 && CSharp.Contains(words[0], StringComparer.OrdinalIgnoreCase))
            {
                snippets.Add(Snippet(words, start + 1, string.Join('\n', lines[start..end]), snippets.LastOrDefault()));
            }

            i = end;
        }

        return snippets;
    }

    private static ReadmeSnippet Snippet(string[] words, int line, string code, ReadmeSnippet? previous)
    {
        var compile = true;
        int? continues = null;
        foreach (var flag in words.Skip(1))
        {
            switch (flag)
            {
                case "no-compile":
                    compile = false;
                    break;
                case "continues":
                    continues = previous is { Compile: true } ? previous.Line : throw new FormatException(
                        $"The C# block at line {line} continues the block before it, but there is no compiled C# block before it.");
                    break;
                default:
                    throw new FormatException($"The C# block at line {line} has an unknown flag '{flag}' (known: no-compile, continues).");
            }
        }

        return new ReadmeSnippet(line, code, compile, continues);
    }
}
