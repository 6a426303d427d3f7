using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Hosting;

/// <summary>
/// Connects one account when the host starts, in the background, retrying transient failures
/// (<see cref="StartupRetryPolicy"/>) with the reconnection backoff until the host stops; a fatal failure is logged
/// and stops the host with exit code 1. Once connected the client reconnects by itself
/// (<see cref="XmppClientOptions.AutoReconnect"/>). When the host stops, the client disconnects politely within the
/// host's shutdown timeout.
/// </summary>
internal sealed class XmppConnectionService : IHostedService, IDisposable
{
    private readonly string _account;
    private readonly XmppClient _client;
    private readonly XmppConnectionStatus _status;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task> _connect;
    private readonly Action<Exception> _onFatal;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public XmppConnectionService(string name, XmppClient client, XmppConnectionStatus status, IHostApplicationLifetime lifetime,
        ILogger logger, TimeProvider time)
        : this(name, client, status, logger, time, client.ConnectAsync, _ =>
        {
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        })
    {
    }

    /// <summary>For tests: <paramref name="connect"/> stands for <see cref="XmppClient.ConnectAsync"/> and
    /// <paramref name="onFatal"/> for stopping the host.</summary>
    internal XmppConnectionService(string name, XmppClient client, XmppConnectionStatus status, ILogger logger, TimeProvider time,
        Func<CancellationToken, Task> connect, Action<Exception> onFatal)
    {
        _account = name.Length == 0 ? "(default)" : name;
        _client = client;
        _status = status;
        _logger = logger;
        _time = time;
        _connect = connect;
        _onFatal = onFatal;
    }

    /// <summary>The connection loop (for tests): ends connected, stopped, or after a fatal failure.</summary>
    internal Task Loop => _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => ConnectWithRetryAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_client.State is XmppClientState.Disconnected)
            {
                XmppHostingLog.StoppedBeforeConnected(_logger, _account);
                return;
            }

            await _client.DisconnectAsync(cancellationToken).ConfigureAwait(false);
            XmppHostingLog.Disconnected(_logger, _account);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            XmppHostingLog.DisconnectTimedOut(_logger, _account);
        }
        catch (XmppException error)
        {
            XmppHostingLog.DisconnectFailed(_logger, _account, error.Message);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task ConnectWithRetryAsync(CancellationToken stopping)
    {
        try
        {
            await ConnectLoopAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            _status.Retrying = null;
        }
    }

    private async Task ConnectLoopAsync(CancellationToken stopping)
    {
        var options = _client.Options;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _connect(stopping).ConfigureAwait(false);
                XmppHostingLog.Connected(_logger, _account, _client.BoundJid, attempt);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (StartupRetryPolicy.IsTransient(error))
            {
                if (options.MaxReconnectAttempts is { } max && attempt >= max)
                {
                    XmppHostingLog.GaveUp(_logger, _account, attempt, error.Message);
                    _onFatal(error);
                    return;
                }

                var delay = StartupRetryPolicy.Delay(attempt, options, Random.Shared);
                XmppHostingLog.Retrying(_logger, _account, attempt, (long)delay.TotalMilliseconds, error.Message);
                _status.Retrying = error.Message;
                try
                {
                    await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
            }
            catch (Exception error)
            {
                XmppHostingLog.Fatal(_logger, _account, error.Message, error);
                _onFatal(error);
                return;
            }
        }
    }
}
