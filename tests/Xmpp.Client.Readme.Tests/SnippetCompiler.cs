using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Xmpp.Client.Readme.Tests;

/// <summary>
/// Compiles README blocks as a user's program would be: each block is one file, with the implicit usings of a
/// console project (<c>ImplicitUsings</c>), <c>using Xmpp.Client;</c> and <c>using Xmpp.Client.Stanzas;</c>, and the
/// names of <see cref="ReadmeAmbient"/>; nullable on. A block with top-level statements is compiled as a program, one
/// with only declarations as a library. References: the assemblies this test runs with (the framework, the three
/// packages' projects, the Generic Host, OpenTelemetry, xunit).
/// </summary>
internal static class SnippetCompiler
{
    public const string FileName = "README.md";

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Xmpp.Client;
        global using Xmpp.Client.Stanzas;
        global using static Xmpp.Client.Readme.Tests.ReadmeAmbient;
        """;

    // As the .NET SDK does (NoWarn CS1701;CS1702): a package built against 8.0 assemblies runs with the 10.0 ones.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> UnifiedVersions = ImmutableDictionary.CreateRange(
        [KeyValuePair.Create("CS1701", ReportDiagnostic.Suppress), KeyValuePair.Create("CS1702", ReportDiagnostic.Suppress)]);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path))]);

    /// <summary>The errors and warnings of compiling <paramref name="snippets"/> together; empty when they compile cleanly.</summary>
    public static ImmutableArray<Diagnostic> Compile(IReadOnlyList<ReadmeSnippet> snippets)
    {
        // #line makes every diagnostic point at README.md and the block's own line there.
        var trees = snippets
            .Select(snippet => CSharpSyntaxTree.ParseText($"#line {snippet.Line} \"{FileName}\"\n{snippet.Code}\n", ParseOptions, path: $"{FileName}:{snippet.Line}"))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, path: "GlobalUsings.g.cs"))
            .ToList();
        var isProgram = trees.Any(tree => tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any());
        var options = new CSharpCompilationOptions(
            isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            specificDiagnosticOptions: UnifiedVersions);
        var compilation = CSharpCompilation.Create($"ReadmeSnippet{snippets[^1].Line}", trees, References.Value, options);
        return [.. compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];
    }
}
