using Microsoft.Extensions.Logging;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Extensions.ChatStates;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Api;

/// <summary>Which extensions a client runs: the set in the options, dependencies, and the lookup.</summary>
public class ExtensionRegistrationTests
{
    [Fact]
    public async Task The_default_set_runs_every_built_in_in_a_fixed_order()
    {
        await using var client = new XmppClient(TestClients.Options() with { Extensions = XmppExtensionSet.Default });

        Assert.Equal(
            ["DiscoExtension", "PingExtension", "SoftwareVersionExtension", "EntityTimeExtension", "ReceiptsExtension",
             "ChatStatesExtension", "StanzaIdsExtension", "CarbonsExtension", "MucExtension", "CorrectionsExtension", "PepExtension", "BookmarksExtension",
             "MamExtension", "VCardExtension", "ClientStateExtension", "RegistrationExtension", "RosterExtension", "BlockingExtension", "AvailabilityExtension"],
            client.Extensions.Select(extension => extension.GetType().Name));
        Assert.Same(client.Roster, client.GetExtension<RosterExtension>());
        Assert.Same(client.Availability, client.GetExtension<AvailabilityExtension>());
    }

    [Fact]
    public async Task A_removed_extension_is_not_created_and_its_entry_point_says_which_one_is_missing()
    {
        var set = XmppExtensionSet.Default.Remove<ChatStatesExtension>();
        await using var client = new XmppClient(TestClients.Options() with { Extensions = set });

        Assert.False(set.Contains<ChatStatesExtension>());
        Assert.False(client.TryGetExtension<ChatStatesExtension>(out _));
        var error = Assert.Throws<InvalidOperationException>(() => client.ChatStates);
        Assert.Contains("ChatStatesExtension", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("http://jabber.org/protocol/chatstates", client.Features.Names);
        Assert.DoesNotContain("http://jabber.org/protocol/chatstates", client.Disco.OwnInfo.Features);
    }

    [Fact]
    public async Task Each_client_gets_its_own_instances_from_the_same_options()
    {
        var options = TestClients.Options() with { Extensions = XmppExtensionSet.Empty.Add<DependencyExtension>() };
        await using var first = new XmppClient(options);
        await using var second = new XmppClient(options);

        Assert.NotSame(first.GetExtension<DependencyExtension>(), second.GetExtension<DependencyExtension>());
    }

    [Fact]
    public async Task An_extension_instance_serves_one_client()
    {
        var shared = new DependencyExtension();
        var options = TestClients.Options() with { Extensions = XmppExtensionSet.Empty.Add(() => shared) };
        await using var first = new XmppClient(options);

        var error = Assert.Throws<InvalidOperationException>(() => new XmppClient(options));
        Assert.Contains("already belongs to a client", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_extension_is_created_first_even_when_it_is_not_registered()
    {
        await using var client = new XmppClient(TestClients.Options() with { Extensions = XmppExtensionSet.Empty.Add<DependentExtension>() });

        Assert.Equal(["DependencyExtension", "DependentExtension"], client.Extensions.Select(extension => extension.GetType().Name));
        Assert.Same(client.GetExtension<DependencyExtension>(), client.GetExtension<DependentExtension>().Dependency);
    }

    [Fact]
    public async Task A_required_extension_registered_later_is_initialised_before_the_one_that_needs_it_and_only_once()
    {
        var set = XmppExtensionSet.Empty.Add<DependentExtension>().Add<DependencyExtension>();
        await using var client = new XmppClient(TestClients.Options() with { Extensions = set });

        Assert.Equal(["DependencyExtension", "DependentExtension"], client.Extensions.Select(extension => extension.GetType().Name));
    }

    [Fact]
    public void Extensions_that_require_each_other_are_refused_when_the_client_is_created()
    {
        var options = TestClients.Options() with { Extensions = XmppExtensionSet.Empty.Add<CycleA>() };

        var error = Assert.Throws<InvalidOperationException>(() => new XmppClient(options));
        Assert.Contains("require each other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_type_again_replaces_its_registration_in_place()
    {
        var marked = new DependencyExtension();
        var set = XmppExtensionSet.Empty.Add<DependencyExtension>().Add<DiscoExtension>().Add(() => marked);
        await using var client = new XmppClient(TestClients.Options() with { Extensions = set });

        Assert.Equal(2, set.Count);
        Assert.Equal([typeof(DependencyExtension), typeof(DiscoExtension)], set);
        Assert.Same(marked, client.GetExtension<DependencyExtension>());
    }

    [Fact]
    public async Task Registering_after_initialisation_throws()
    {
        var extension = new FirstExtension(_ => { });
        await using var client = new XmppClient(TestClients.Options() with { Extensions = XmppExtensionSet.Empty.Add(() => extension) });

        var error = Assert.Throws<InvalidOperationException>(() => extension.Given!.AddFeature("urn:example:late"));
        Assert.Contains("in Initialize only", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => extension.Given!.OnMessage((_, _) => new(false)));
    }

    [Fact]
    public async Task An_extensions_logger_is_in_the_category_of_its_type()
    {
        var logs = new ListLoggerFactory();
        var extension = new FirstExtension(context => context.Logger.LogWarning("hello from the extension"));
        await using var client = new XmppClient(TestClients.Options() with { Extensions = XmppExtensionSet.Empty.Add(() => extension) }, logs);

        Assert.Contains(typeof(FirstExtension).FullName!, logs.Categories);
        Assert.Contains("hello from the extension", logs.Messages);
    }
}
