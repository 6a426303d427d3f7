using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Xmpp.Client.Hosting;

/// <summary>
/// Reports an account's connection: healthy when <see cref="XmppClientState.Connected"/>, degraded while
/// <see cref="XmppClientState.Connecting"/> or <see cref="XmppClientState.Reconnecting"/> (and, for an account of
/// <c>AddXmppClient</c>, while its first connection waits to retry), otherwise the registration's failure status
/// (unhealthy by default). Add it with <c>AddXmppHealthCheck()</c>.
/// </summary>
public sealed class XmppClientHealthCheck : IHealthCheck
{
    private readonly XmppClient _client;
    private readonly XmppConnectionStatus? _status;

    /// <summary>Creates the check of one client.</summary>
    /// <param name="client">The client to watch.</param>
    public XmppClientHealthCheck(XmppClient client)
        : this(client, null)
    {
    }

    internal XmppClientHealthCheck(XmppClient client, XmppConnectionStatus? status)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _status = status;
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

        var retrying = _status?.Retrying;
        if (retrying is not null)
        {
            data["retrying"] = retrying;
        }

        return Task.FromResult(Evaluate(state, retrying, context.Registration.FailureStatus, data));
    }

    /// <summary>The result for a state (and, when the first connection waits to retry, why the last attempt failed).</summary>
    internal static HealthCheckResult Evaluate(XmppClientState state, string? retrying, HealthStatus failureStatus,
        IReadOnlyDictionary<string, object>? data = null) =>
        state switch
        {
            XmppClientState.Connected => HealthCheckResult.Healthy("Connected.", data),
            XmppClientState.Connecting => new HealthCheckResult(HealthStatus.Degraded, "Connecting.", data: data),
            XmppClientState.Reconnecting => new HealthCheckResult(HealthStatus.Degraded, "Reconnecting.", data: data),
            XmppClientState.Disconnected when retrying is not null =>
                new HealthCheckResult(HealthStatus.Degraded, $"Connecting: retrying after {retrying}", data: data),
            _ => new HealthCheckResult(failureStatus, $"{state}.", data: data),
        };
}
