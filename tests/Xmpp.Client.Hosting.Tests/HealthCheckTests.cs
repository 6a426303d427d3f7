using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Xmpp.Client.Hosting.Tests;

public sealed class HealthCheckTests
{
    [Theory]
    [InlineData(XmppClientState.Connected, HealthStatus.Healthy)]
    [InlineData(XmppClientState.Connecting, HealthStatus.Degraded)]
    [InlineData(XmppClientState.Reconnecting, HealthStatus.Degraded)]
    [InlineData(XmppClientState.Disconnecting, HealthStatus.Unhealthy)]
    [InlineData(XmppClientState.Disconnected, HealthStatus.Unhealthy)]
    public void Each_state_has_its_status(XmppClientState state, HealthStatus expected)
    {
        Assert.Equal(expected, XmppClientHealthCheck.Evaluate(state, null, HealthStatus.Unhealthy).Status);
    }

    [Fact]
    public void A_first_connection_waiting_to_retry_is_degraded_and_says_why()
    {
        var result = XmppClientHealthCheck.Evaluate(XmppClientState.Disconnected, "connection refused", HealthStatus.Unhealthy);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("Connecting: retrying after connection refused", result.Description);
    }

    [Fact]
    public void A_failure_status_of_the_registration_replaces_unhealthy()
    {
        Assert.Equal(HealthStatus.Degraded, XmppClientHealthCheck.Evaluate(XmppClientState.Disconnected, null, HealthStatus.Degraded).Status);
        Assert.Equal(HealthStatus.Healthy, XmppClientHealthCheck.Evaluate(XmppClientState.Connected, null, HealthStatus.Degraded).Status);
    }

    [Fact]
    public async Task AddXmppHealthCheck_reports_each_account_under_its_name()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddXmppClient(settings => { settings.Jid = "bot@example.com"; settings.Password = "p"; });
        services.AddXmppClient("alerts", settings => { settings.Jid = "alerts@example.com"; settings.Password = "p"; });
        services.AddHealthChecks()
            .AddXmppHealthCheck()
            .AddXmppHealthCheck("alerts", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["xmpp"].Status);
        Assert.Equal("Disconnected", report.Entries["xmpp"].Data["state"]);
        Assert.Equal(HealthStatus.Degraded, report.Entries["xmpp-alerts"].Status);
        Assert.Equal(["ready"], report.Entries["xmpp-alerts"].Tags);
    }
}
