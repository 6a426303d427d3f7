using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xmpp.Client.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds <see cref="XmppClientHealthCheck"/> to the host's health checks.</summary>
public static class XmppHealthChecksBuilderExtensions
{
    /// <summary>Adds a check of an account added with <c>AddXmppClient</c>.</summary>
    /// <param name="builder">The builder of <c>services.AddHealthChecks()</c>.</param>
    /// <param name="account">The account's name; empty (the default) for the default account.</param>
    /// <param name="name">The check's name; <c>xmpp</c>, or <c>xmpp-&lt;account&gt;</c> for a named account, by default.</param>
    /// <param name="failureStatus">What a disconnected client reports; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">Tags to filter checks by (such as <c>ready</c>).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddXmppHealthCheck(this IHealthChecksBuilder builder, string account = "",
        string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(account);
        return builder.Add(new HealthCheckRegistration(
            name ?? (account.Length == 0 ? "xmpp" : $"xmpp-{account}"),
            services => new XmppClientHealthCheck(XmppClientFactory.Resolve(services, account), XmppConnectionStatus.Of(services, account)),
            failureStatus,
            tags));
    }
}
