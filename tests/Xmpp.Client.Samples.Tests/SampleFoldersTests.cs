using System.Xml.Linq;

namespace Xmpp.Client.Samples.Tests;

/// <summary>
/// Each sample folder builds on its own when copied out of the repository (tests/consumer/run.sh builds such copies
/// against the packages): these tests keep what that needs in agreement with the repository.
/// </summary>
public sealed class SampleFoldersTests
{
    private static readonly string Root = FindRepositoryRoot();
    private static readonly string Samples = Path.Combine(Root, "samples");

    public static TheoryData<string> Projects => [.. Directory.GetFiles(Samples, "*.csproj", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Samples, p))];

    [Fact]
    public void Every_sample_has_the_same_SampleCommandLine()
    {
        var copies = Directory.GetFiles(Samples, "SampleCommandLine.cs", SearchOption.AllDirectories);
        Assert.True(copies.Length >= 7, $"Only {copies.Length} copies of SampleCommandLine.cs under {Samples}.");
        var first = File.ReadAllText(copies[0]);
        Assert.All(copies, copy => Assert.True(File.ReadAllText(copy) == first, $"{copy} differs from {copies[0]}: change them all alike."));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_sample_uses_nothing_outside_its_folder_but_the_library(string project)
    {
        var xml = XDocument.Load(Path.Combine(Samples, project));
        var outside = xml.Descendants()
            .SelectMany(e => new[] { (string?)e.Attribute("Include"), (string?)e.Attribute("Update") })
            .Where(path => path is not null && path.Contains("..", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(outside); // the library's project is named by a property with a condition, never included directly
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_sample_pins_the_versions_the_repository_pins(string project)
    {
        var pinned = XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.Ordinal);
        var xml = XDocument.Load(Path.Combine(Samples, project));
        var referenced = xml.Descendants("PackageReference").Where(e => e.Attribute("Include") is not null)
            .Select(e => (string)e.Attribute("Include")!).ToHashSet(StringComparer.Ordinal);
        var versions = xml.Descendants("PackageReference").Where(e => e.Attribute("Update") is not null)
            .ToDictionary(e => (string)e.Attribute("Update")!, e => (string)e.Attribute("Version")!, StringComparer.Ordinal);

        Assert.Equal(referenced.Order(), versions.Keys.Order()); // every package has its version for a copy
        foreach (var (package, version) in versions)
        {
            var expected = package.StartsWith("Xmpp.Client", StringComparison.Ordinal) ? LibraryVersion(package) : pinned[package];
            Assert.True(version == expected, $"{project}: {package} {version}, the repository has {expected}.");
        }
    }

    private static string LibraryVersion(string package) =>
        XDocument.Load(Path.Combine(Root, "src", package, $"{package}.csproj")).Descendants("Version").Single().Value;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Xmpp.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Xmpp.Client.sln above {AppContext.BaseDirectory}.");
    }
}
