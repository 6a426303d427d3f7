using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Xmpp.Client.Hosting.Tests;

public sealed class SettingsValidationTests
{
    [Fact]
    public async Task A_missing_Jid_names_the_key_and_where_to_set_it()
    {
        var failure = Assert.Single(await TestHost.FailuresAsync(("Xmpp:Password", "p")));

        Assert.StartsWith("Xmpp:Jid: is not set", failure, StringComparison.Ordinal);
        Assert.Contains("Xmpp__Jid", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("must be set", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_Jid_names_the_key_and_the_reason()
    {
        var failure = Assert.Single(await TestHost.FailuresAsync(("Xmpp:Jid", "@example.com"), ("Xmpp:Password", "p")));

        Assert.StartsWith("Xmpp:Jid: ", failure, StringComparison.Ordinal);
        Assert.Contains("localpart", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_password_names_its_key_unless_the_login_is_anonymous()
    {
        Assert.StartsWith("Xmpp:Password: is required to log in as 'bot@example.com'",
            Assert.Single(await TestHost.FailuresAsync(("Xmpp:Jid", "bot@example.com"))), StringComparison.Ordinal);
        Assert.Empty(await TestHost.FailuresAsync(("Xmpp:Jid", "anon.example.com")));
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var failures = await TestHost.FailuresAsync(("Xmpp:Jid", "bot@example.com"), ("Xmpp:DnsServers:0", "not-an-address"),
            ("Xmpp:TrustedCertificateFiles:0", "/nonexistent/ca.pem"));

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Xmpp:Password: ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Xmpp:DnsServers:0: 'not-an-address'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Xmpp:TrustedCertificateFiles:0: there is no file '/nonexistent/ca.pem'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_value_the_client_refuses_is_reported_with_its_configuration_key()
    {
        var failure = Assert.Single(await TestHost.FailuresAsync(("Xmpp:Jid", "bot@example.com"), ("Xmpp:Password", "p"),
            ("Xmpp:ReconnectMinDelay", "00:10:00"), ("Xmpp:ReconnectMaxDelay", "00:01:00")));

        Assert.StartsWith("Xmpp:ReconnectMinDelay: ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_that_do_not_parse_are_all_reported_with_their_keys()
    {
        var failures = await TestHost.FailuresAsync(("Xmpp:Jid", "bot@example.com"), ("Xmpp:Password", "p"),
            ("Xmpp:ConnectTimeout", "ten seconds"), ("Xmpp:Port", "abc"), ("Xmpp:PingInterval", "often"),
            ("Xmpp:AutoReconnect", "yes"), ("Xmpp:TlsMode", "7"));

        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Xmpp:PingInterval: 'often' is not a time span", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Xmpp:ConnectTimeout: 'ten seconds' is not a time span such as 00:00:30", StringComparison.Ordinal));
        Assert.Contains(failures, f => f == "Xmpp:Port: 'abc' is not a whole number.");
        Assert.Contains(failures, f => f == "Xmpp:TlsMode: '7' is not Required, DirectTls or Disabled.");
        Assert.Contains(failures, f => f == "Xmpp:AutoReconnect: 'yes' is not true or false.");
    }

    [Fact]
    public async Task A_named_account_reports_the_path_of_its_own_section()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddXmppClient("support", TestHost.Configuration(("Bots:Support:Jid", "support@")).GetSection("Bots:Support"));
        await using var provider = services.BuildServiceProvider();

        var invalid = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<XmppClient>("support"));
        Assert.StartsWith("Bots:Support:Jid: ", Assert.Single(invalid.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_does_not_start_with_invalid_settings()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Xmpp:Jid", "bot@")]);
        builder.Services.AddXmppClient(builder.Configuration.GetSection("Xmpp"));
        using var host = builder.Build();

        var invalid = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.StartsWith("Xmpp:Jid: ", Assert.Single(invalid.Failures), StringComparison.Ordinal);
    }
}
