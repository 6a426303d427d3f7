using Microsoft.Extensions.DependencyInjection;

namespace Xmpp.Client.Hosting.Tests;

public sealed class SettingsBindingTests
{
    [Fact]
    public async Task The_account_connection_and_durations_bind_from_strings()
    {
        await using var provider = TestHost.Services(
            ("Xmpp:Jid", "Bot@Example.COM/desk"),
            ("Xmpp:Password", "secret"),
            ("Xmpp:Host", "127.0.0.1"),
            ("Xmpp:Port", "5333"),
            ("Xmpp:TlsMode", "DirectTls"),
            ("Xmpp:ConnectTimeout", "00:00:03"),
            ("Xmpp:ReconnectMinDelay", "00:00:02"),
            ("Xmpp:ReconnectMaxDelay", "00:05:00"),
            ("Xmpp:PingInterval", "00:02:00"),
            ("Xmpp:MaxReconnectAttempts", "7"),
            ("Xmpp:AutoReconnect", "false"),
            ("Xmpp:DnsServers:0", "127.0.0.1:5353"),
            ("Xmpp:SaslMechanisms:0", "SCRAM-SHA-256"));

        var options = provider.GetRequiredService<XmppClient>().Options;

        Assert.Equal(Jid.Parse("bot@example.com/desk"), options.Jid);
        Assert.Equal("secret", options.Password);
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(5333, options.Port);
        Assert.Equal(TlsMode.DirectTls, options.TlsMode);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ReconnectMinDelay);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ReconnectMaxDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), options.PingInterval);
        Assert.Equal(7, options.MaxReconnectAttempts);
        Assert.False(options.AutoReconnect);
        Assert.Equal("127.0.0.1:5353", Assert.Single(options.DnsServers!).ToString());
        Assert.Equal(["SCRAM-SHA-256"], options.SaslMechanisms!);
    }

    [Fact]
    public async Task Lists_may_be_one_comma_separated_value_and_durations_may_be_infinite()
    {
        await using var provider = TestHost.Services(
            ("Xmpp:Jid", "bot@example.com"), ("Xmpp:Password", "p"),
            ("Xmpp:DnsServers", "127.0.0.1, [::1]:5353"),
            ("Xmpp:SaslMechanisms", "SCRAM-SHA-1,PLAIN"),
            ("Xmpp:TlsMode", "disabled"),
            ("Xmpp:KeepAliveInterval", "infinite"),
            ("Xmpp:Host", "localhost"),
            ("Xmpp:Port", ""));

        var options = provider.GetRequiredService<XmppClient>().Options;

        Assert.Equal(["127.0.0.1:53", "[::1]:5353"], options.DnsServers!.Select(e => e.ToString()));
        Assert.Equal(["SCRAM-SHA-1", "PLAIN"], options.SaslMechanisms!);
        Assert.Equal(TlsMode.Disabled, options.TlsMode);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.KeepAliveInterval);
        Assert.Null(options.Port);
    }

    [Fact]
    public async Task The_host_meter_factory_is_given_to_the_client()
    {
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddXmppClient(settings => { settings.Jid = "bot@example.com"; settings.Password = "p"; });
        await using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            provider.GetRequiredService<XmppClient>().Options.MeterFactory);
    }

    [Fact]
    public async Task Settings_left_out_keep_the_defaults_of_the_client()
    {
        await using var provider = TestHost.Services(("Xmpp:Jid", "bot@example.com"), ("Xmpp:Password", "secret"));

        var options = provider.GetRequiredService<XmppClient>().Options;

        var defaults = new XmppClientOptions { Jid = options.Jid };
        Assert.Equal(defaults.TlsMode, options.TlsMode);
        Assert.Equal(defaults.ConnectTimeout, options.ConnectTimeout);
        Assert.Equal(defaults.ReconnectMinDelay, options.ReconnectMinDelay);
        Assert.True(options.AutoReconnect);
        Assert.Null(options.Host);
        Assert.Null(options.TrustedCertificates);
        Assert.Null(options.DnsServers);
    }

    [Fact]
    public async Task The_host_logger_factory_is_given_to_the_client_and_ConfigureOptions_runs_last()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddXmppClient(TestHost.Configuration(("Xmpp:Jid", "bot@example.com"), ("Xmpp:Password", "p")).GetSection("Xmpp"))
            .ConfigureOptions(options => options with { Resource = "from-code" })
            .ConfigureOptions((options, _) => options with { AnswerPings = false });
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<XmppClient>().Options;

        Assert.Same(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(), options.LoggerFactory);
        Assert.Equal("from-code", options.Resource);
        Assert.False(options.AnswerPings);
    }

    [Fact]
    public async Task The_delegate_overload_configures_the_settings_by_code()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddXmppClient(settings =>
        {
            settings.Jid = "bot@example.com";
            settings.Password = "p";
            settings.PingTimeout = TimeSpan.FromSeconds(9);
        });
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<XmppClient>().Options;

        Assert.Equal("bot@example.com", options.Jid.ToString());
        Assert.Equal(TimeSpan.FromSeconds(9), options.PingTimeout);
    }

    [Fact]
    public async Task Named_accounts_are_keyed_clients_of_their_own()
    {
        var configuration = TestHost.Configuration(
            ("Accounts:Alerts:Jid", "alerts@example.com"), ("Accounts:Alerts:Password", "a"),
            ("Accounts:Support:Jid", "support@example.org"), ("Accounts:Support:Password", "s"));
        var services = new ServiceCollection().AddLogging();
        services.AddXmppClient("alerts", configuration.GetSection("Accounts:Alerts"));
        services.AddXmppClient("support", configuration.GetSection("Accounts:Support"));
        await using var provider = services.BuildServiceProvider();

        var alerts = provider.GetRequiredKeyedService<XmppClient>("alerts");
        var support = provider.GetRequiredKeyedService<XmppClient>("support");

        Assert.Equal("alerts@example.com", alerts.Options.Jid.ToString());
        Assert.Equal("support@example.org", support.Options.Jid.ToString());
        Assert.Same(alerts, provider.GetRequiredKeyedService<XmppClient>("alerts"));
        Assert.Null(provider.GetService<XmppClient>());
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)));
    }

    [Fact]
    public void Adding_an_account_name_twice_fails_at_once()
    {
        var services = new ServiceCollection();
        services.AddXmppClient("bot", settings => settings.Jid = "a@example.com");
        services.AddXmppClient(settings => settings.Jid = "b@example.com");

        var twice = Assert.Throws<InvalidOperationException>(() => services.AddXmppClient("bot", settings => settings.Jid = "c@example.com"));
        Assert.Contains("'bot' was added already", twice.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => services.AddXmppClient(settings => settings.Jid = "d@example.com"));
    }
}
