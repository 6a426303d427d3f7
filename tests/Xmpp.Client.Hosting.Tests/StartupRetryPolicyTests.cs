using System.Net.Sockets;

namespace Xmpp.Client.Hosting.Tests;

public sealed class StartupRetryPolicyTests
{
    public static TheoryData<string, Exception> Transient() => new()
    {
        { "connection refused", new XmppConnectException("example.com", [new XmppConnectAttempt("127.0.0.1:5222", "connection refused", new SocketException((int)SocketError.ConnectionRefused))]) },
        { "socket", new SocketException((int)SocketError.ConnectionRefused) },
        { "timeout", new XmppTimeoutException("The negotiation took longer than 30 s.") },
        { "dropped", new XmppConnectionLostException("The server closed the connection.") },
        { "system-shutdown", new XmppStreamErrorException(StreamErrorCondition.SystemShutdown, "restarting") },
        { "sent by client", new XmppStreamErrorException(StreamErrorCondition.PolicyViolation, null, sentByClient: true) },
        { "broken XML", new XmppXmlException("not well-formed") },
        { "I/O", new IOException("reset") },
    };

    public static TheoryData<string, Exception> Fatal() => new()
    {
        { "wrong password", new XmppAuthenticationException("the user name or password is wrong") },
        { "certificate", new XmppTlsException("The server's certificate was rejected.", System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) },
        { "conflict", new XmppStreamErrorException(StreamErrorCondition.Conflict, null) },
        { "host-unknown", new XmppStreamErrorException(StreamErrorCondition.HostUnknown, null) },
        { "not-authorized", new XmppStreamErrorException(StreamErrorCondition.NotAuthorized, null) },
        { "invalid configuration", new ArgumentException("must be positive", "ReconnectMinDelay") },
        { "a bug", new InvalidOperationException("unexpected") },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void Transient_failures_are_retried(string what, Exception error)
    {
        Assert.True(StartupRetryPolicy.IsTransient(error), what);
    }

    [Theory]
    [MemberData(nameof(Fatal))]
    public void Fatal_failures_are_not_retried(string what, Exception error)
    {
        Assert.False(StartupRetryPolicy.IsTransient(error), what);
    }

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 2_000)]
    [InlineData(3, 4_000)]
    [InlineData(7, 60_000)]
    [InlineData(40, 60_000)]
    public void The_delay_doubles_up_to_the_maximum_and_up_to_half_is_jitter(int failures, double ceilingMs)
    {
        var options = new XmppClientOptions
        {
            Jid = Jid.Parse("bot@example.com"),
            ReconnectMinDelay = TimeSpan.FromSeconds(1),
            ReconnectMaxDelay = TimeSpan.FromMinutes(1),
        };

        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs / 2), StartupRetryPolicy.Delay(failures, options, new FixedRandom(0)));
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs), StartupRetryPolicy.Delay(failures, options, new FixedRandom(1)));
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
