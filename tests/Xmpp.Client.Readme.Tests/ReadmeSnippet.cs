namespace Xmpp.Client.Readme.Tests;

/// <summary>One fenced C# block of a Markdown file.</summary>
/// <param name="Line">The 1-based line of the block's first line of code in the file.</param>
/// <param name="Code">The code between the fences.</param>
/// <param name="Compile">False for a block fenced <c>```csharp no-compile</c>: shown, never compiled.</param>
/// <param name="Continues">The line of the block this one goes on from (fenced <c>```csharp continues</c>): both are
/// compiled together, as two files of one program; <see langword="null"/> for a block that stands alone.</param>
internal sealed record ReadmeSnippet(int Line, string Code, bool Compile, int? Continues);
