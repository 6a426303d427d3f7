using System.Reflection;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>
/// Runs the samples' build output (<c>samples/&lt;Name&gt;/bin/&lt;Configuration&gt;/net10.0/&lt;Name&gt;.dll</c>, built
/// before this project through its ProjectReferences) with <c>dotnet</c>, in the configuration of this test assembly.
/// </summary>
internal static class Sample
{
    /// <summary>The configuration this test assembly was built in (Debug locally, Release from tests/run.sh).</summary>
    public static string Configuration { get; } =
        typeof(Sample).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
        ?? throw new InvalidOperationException("The test assembly has no AssemblyConfiguration attribute.");

    /// <summary>The folder holding Xmpp.Client.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The sample's dll; throws with the command that builds it when it is missing.</summary>
    public static string DllPath(string name)
    {
        var path = Path.Combine(RepositoryRoot, "samples", name, "bin", Configuration, "net10.0", $"{name}.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"No {path}: build it with `dotnet build Xmpp.Client.sln -c {Configuration}`.", path);
    }

    /// <summary>Starts a sample with exactly these arguments and no XMPP_PASSWORD unless <paramref name="password"/> is given.</summary>
    public static ChildProcess Start(string name, IEnumerable<string> arguments, string? password = null) =>
        ChildProcess.Start(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [DllPath(name), .. arguments],
            new Dictionary<string, string?> { ["XMPP_PASSWORD"] = password, ["DOTNET_NOLOGO"] = "1" });

    /// <summary>
    /// Starts a sample logged in as <paramref name="user"/> on <paramref name="server"/> (its host and port, the test
    /// CA); the password goes through XMPP_PASSWORD, the account's own unless <paramref name="password"/> is given.
    /// </summary>
    public static ChildProcess Start(string name, TestServers servers, XmppTestServer server, string user,
        IEnumerable<string> arguments, string? password = null) =>
        Start(
            name,
            [
                "--jid", server.Account(user).Jid,
                "--host", server.Host.ToString(),
                "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--trust-cert", servers.CaCertificatePath,
                .. arguments,
            ],
            password ?? server.Account(user).Password);

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
