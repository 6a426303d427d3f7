using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Xmpp.Client.Hosting;

/// <summary>
/// Reports an account's connection: healthy when <see cref="XmppClientState.Connected"/>, degraded while
/// <see cref="XmppClientState.Connecting"/> or <see cref="XmppClientState.Reconnecting"/>, otherwise the
/// registration's failure status (unhealthy by default). Add it with <c>AddXmppHealthCheck()</c>.
/// </summary>
public sealed class XmppClientHealthCheck : IHealthCheck
{
    private readonly XmppClient _client;

    /// <summary>Creates the check of one client.</summary>
    /// <param name="client">The client to watch.</param>
    public XmppClientHealthCheck(XmppClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = _client.State;
        var data = new Dictionary<string, object> { ["state"] = state.ToString() };
        if (_client.BoundJid is { } jid)
        {
            data["jid"] = jid.ToString();
        }

        return Task.FromResult(Evaluate(state, context.Registration.FailureStatus, data));
    }

    /// <summary>The result for a state.</summary>
    internal static HealthCheckResult Evaluate(XmppClientState state, HealthStatus failureStatus, IReadOnlyDictionary<string, object>? data = null) =>
        state switch
        {
            XmppClientState.Connected => HealthCheckResult.Healthy("Connected.", data),
            XmppClientState.Connecting => new HealthCheckResult(HealthStatus.Degraded, "Connecting.", data: data),
            XmppClientState.Reconnecting => new HealthCheckResult(HealthStatus.Degraded, "Reconnecting.", data: data),
            _ => new HealthCheckResult(failureStatus, $"{state}.", data: data),
        };
}
