using System.Xml.Linq;
using Microsoft.Extensions.Hosting;
using Xmpp.Client.Extensions;

namespace Xmpp.Client.Readme.Tests;

/// <summary>
/// The names README blocks use without declaring them, as the README says: <c>client</c> is a connected
/// <see cref="XmppClient"/>, <c>juliet</c> a contact, <c>cancellationToken</c> the caller's token, and so on. Blocks are
/// compiled, never run, so none of these has a value. A block that declares one of these names itself (a local
/// <c>client</c>) hides it, as a local hides a member.
/// </summary>
public static class ReadmeAmbient
{
    public static XmppClient client => throw NotRun();

    public static Jid juliet => throw NotRun();

    public static Jid jid => throw NotRun();

    public static string password => throw NotRun();

    public static CancellationToken cancellationToken => throw NotRun();

    public static Stream stream => throw NotRun();

    public static string downloads => throw NotRun();

    public static HostApplicationBuilder builder => throw NotRun();

    public static Task<XElement> CollectStatsAsync(CancellationToken cancellationToken) => throw NotRun();

    private static InvalidOperationException NotRun() => new("README blocks are compiled, never run.");

    /// <summary>The user's bot code, as in the test kit's example.</summary>
    public static class MyBot
    {
        public static void Attach(XmppClient client) => throw NotRun();
    }

    /// <summary>A user's extension, as in the hosting example.</summary>
    public sealed class MyExtension : XmppExtension
    {
        protected override void Initialize(XmppExtensionContext context) => throw NotRun();
    }
}
