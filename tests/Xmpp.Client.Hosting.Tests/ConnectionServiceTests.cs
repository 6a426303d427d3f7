using Microsoft.Extensions.Logging.Abstractions;

namespace Xmpp.Client.Hosting.Tests;

public sealed class ConnectionServiceTests
{
    private static XmppClient Client(int? maxAttempts = null, TimeSpan? minDelay = null) => new(new XmppClientOptions
    {
        Jid = Jid.Parse("bot@example.com"),
        Password = "p",
        ReconnectMinDelay = minDelay ?? TimeSpan.FromMilliseconds(1),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1) > (minDelay ?? TimeSpan.Zero) ? TimeSpan.FromSeconds(1) : minDelay!.Value,
        MaxReconnectAttempts = maxAttempts,
    });

    private sealed class Script(params Exception?[] outcomes)
    {
        public int Attempts { get; private set; }

        public List<Exception> Fatal { get; } = [];

        public TaskCompletionSource FirstAttempt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ConnectAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = Attempts < outcomes.Length ? outcomes[Attempts] : null;
            Attempts++;
            FirstAttempt.TrySetResult();
            return outcome is null ? Task.CompletedTask : Task.FromException(outcome);
        }
    }

    private static XmppConnectionService Service(XmppClient client, Script script, XmppConnectionStatus? status = null) =>
        new("", client, status ?? new XmppConnectionStatus(), NullLogger.Instance, TimeProvider.System, script.ConnectAsync, script.Fatal.Add);

    [Fact]
    public async Task Transient_failures_are_retried_until_the_connection_succeeds()
    {
        await using var client = Client();
        var script = new Script(new XmppConnectionLostException("dropped"), new XmppStreamErrorException(StreamErrorCondition.SystemShutdown, null));
        using var service = Service(client, script);

        await service.StartAsync(CancellationToken.None);
        await service.Loop;

        Assert.Equal(3, script.Attempts);
        Assert.Empty(script.Fatal);
    }

    [Fact]
    public async Task A_fatal_failure_stops_at_once_and_stops_the_host()
    {
        await using var client = Client();
        var refused = new XmppAuthenticationException("the user name or password is wrong");
        var script = new Script(refused);
        using var service = Service(client, script);

        await service.StartAsync(CancellationToken.None);
        await service.Loop;

        Assert.Equal(1, script.Attempts);
        Assert.Same(refused, Assert.Single(script.Fatal));
    }

    [Fact]
    public async Task MaxReconnectAttempts_bounds_the_attempts_at_startup()
    {
        await using var client = Client(maxAttempts: 2);
        var script = new Script(new XmppConnectionLostException("1"), new XmppConnectionLostException("2"), null);
        using var service = Service(client, script);

        await service.StartAsync(CancellationToken.None);
        await service.Loop;

        Assert.Equal(2, script.Attempts);
        Assert.Single(script.Fatal);
    }

    [Fact]
    public async Task Stopping_the_host_ends_the_wait_between_attempts()
    {
        await using var client = Client(minDelay: TimeSpan.FromHours(1));
        var script = new Script(new XmppConnectionLostException("dropped"));
        var status = new XmppConnectionStatus();
        using var service = Service(client, script, status);
        await service.StartAsync(CancellationToken.None);
        await script.FirstAttempt.Task;

        await service.StopAsync(CancellationToken.None);
        await service.Loop;

        Assert.Equal(1, script.Attempts);
        Assert.Empty(script.Fatal);
        Assert.Equal(XmppClientState.Disconnected, client.State);
        Assert.Null(status.Retrying);
    }
}
