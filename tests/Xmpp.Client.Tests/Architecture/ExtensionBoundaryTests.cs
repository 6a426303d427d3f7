using System.Reflection;
using Xmpp.Client.Internal;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Architecture;

/// <summary>
/// The built-in extensions (<c>Xmpp.Client.Extensions.*</c>) are written as any third-party extension could be: they
/// use the library's public surface and their own internals, never the rest of the library's internals.
/// </summary>
public class ExtensionBoundaryTests
{
    private static readonly Assembly Library = typeof(XmppClient).Assembly;

    [Fact]
    public void Built_in_extensions_use_no_internal_member_outside_the_extensions()
    {
        var report = ExtensionBoundary.Scan(Library);

        var lines = new List<string>();
        if (report.Violations.Count > 0)
        {
            lines.Add($"{report.Violations.Count} uses of library internals outside Xmpp.Client.Extensions.* by the "
                + "built-in extensions (use the public API, or move the member into the extension):");
            lines.AddRange(report.Violations);
        }

        if (report.Failures.Count > 0)
        {
            lines.Add($"{report.Failures.Count} IL references the scanner could not resolve (not checked):");
            lines.AddRange(report.Failures);
        }

        Assert.True(lines.Count == 0, string.Join(Environment.NewLine, lines));
    }

    [Fact]
    public void Scanner_reports_the_members_a_method_references()
    {
        var method = typeof(ExtensionBoundaryTests).GetMethod(nameof(UsesKnownMembers),
            BindingFlags.NonPublic | BindingFlags.Static)!;

        var scan = IlMemberReferences.Of(method);

        Assert.Empty(scan.Failures);
        var used = scan.Members.Select(Names.Of).ToList();
        Assert.Contains("Xmpp.Client.Internal.Utf16Text.IsWellFormed", used);
        Assert.Contains("Xmpp.Client.Stanzas.Stanza.Element", used);
        Assert.Contains("Xmpp.Client.Stanzas.Message..ctor", used);
        Assert.Contains("System.String.Length", used);
        var forbidden = scan.Members.SelectMany(member => ExtensionBoundary.ForbiddenParts(member, Library))
            .Select(Names.Of).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["Xmpp.Client.Internal.Utf16Text.IsWellFormed", "Xmpp.Client.Stanzas.Stanza.Element"], forbidden);
    }

    [Fact]
    public void Scanner_reads_the_il_of_the_built_in_extensions()
    {
        var report = ExtensionBoundary.Scan(Library);

        Assert.True(report.Methods > 100, $"only {report.Methods} extension methods found");
        Assert.True(report.References > 1000, $"only {report.References} member references found");
        Assert.Contains(Library.GetTypes(), type => ExtensionBoundary.IsExtensionCode(type) && type.Name.StartsWith('<'));
        Assert.DoesNotContain(Library.GetTypes(),
            type => ExtensionBoundary.IsExtensionCode(type) && type.Namespace == "Xmpp.Client.Extensions");
    }

    // Scanned by the test above: one internal method, one internal property, a public constructor, a BCL property.
    private static bool UsesKnownMembers(string text) =>
        Utf16Text.IsWellFormed(text) && new Message().Element is not null && text.Length > 0;
}
