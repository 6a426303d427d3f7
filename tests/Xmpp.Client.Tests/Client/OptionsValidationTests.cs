using Xmpp.Client.Extensions;
using System.Net;
using System.Reflection;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class OptionsValidationTests
{
    private static readonly TimeSpan Negative = TimeSpan.FromMilliseconds(-2);
    private static readonly TimeSpan TooLong = TimeSpan.FromDays(30);
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    /// <summary>Each rule: an option set to a value it refuses, and the option the error must name.</summary>
    private static readonly Dictionary<string, (Func<XmppClientOptions, XmppClientOptions> Break, string Option)> Rules = new()
    {
        ["a JID without a domain"] = (o => o with { Jid = default }, "Jid"),
        ["an account without a password"] = (o => o with { Password = null }, "Password"),
        ["an empty resource"] = (o => o with { Resource = "" }, "Resource"),
        ["an empty host"] = (o => o with { Host = " " }, "Host"),
        ["port 0"] = (o => o with { Host = "xmpp.example.com", Port = 0 }, "Port"),
        ["port 65536"] = (o => o with { Host = "xmpp.example.com", Port = 65_536 }, "Port"),
        ["a port without a host"] = (o => o with { Port = 5222 }, "Port"),
        ["no DNS server"] = (o => o with { DnsServers = [] }, "DnsServers"),
        ["a null DNS server"] = (o => o with { DnsServers = [null!] }, "DnsServers"),
        ["an undefined TLS mode"] = (o => o with { TlsMode = (TlsMode)42 }, "TlsMode"),
        ["no SASL mechanism"] = (o => o with { SaslMechanisms = [] }, "SaslMechanisms"),
        ["an empty SASL mechanism name"] = (o => o with { SaslMechanisms = ["PLAIN", ""] }, "SaslMechanisms"),
        ["no extension set"] = (o => o with { Extensions = null! }, "Extensions"),
        ["a zero connect timeout"] = (o => o with { ConnectTimeout = TimeSpan.Zero }, "ConnectTimeout"),
        ["a connect timeout too long for a timer"] = (o => o with { ConnectTimeout = TooLong }, "ConnectTimeout"),
        ["a negative negotiation timeout"] = (o => o with { NegotiationTimeout = Negative }, "NegotiationTimeout"),
        ["a zero IQ timeout"] = (o => o with { IqTimeout = TimeSpan.Zero }, "IqTimeout"),
        ["a stanza limit below 4096 bytes"] = (o => o with { MaxStanzaBytes = 4095 }, "MaxStanzaBytes"),
        ["no pending IQ"] = (o => o with { MaxPendingIqs = 0 }, "MaxPendingIqs"),
        ["no queued event"] = (o => o with { MaxQueuedEvents = 0 }, "MaxQueuedEvents"),
        ["an ack request every 0 stanzas"] = (o => o with { AckRequestStanzas = 0 }, "AckRequestStanzas"),
        ["a zero ack request interval"] = (o => o with { AckRequestInterval = TimeSpan.Zero }, "AckRequestInterval"),
        ["no unacknowledged stanza"] = (o => o with { MaxUnacknowledgedStanzas = 0 }, "MaxUnacknowledgedStanzas"),
        ["a zero minimum reconnect delay"] = (o => o with { ReconnectMinDelay = TimeSpan.Zero }, "ReconnectMinDelay"),
        ["an infinite minimum reconnect delay"] = (o => o with { ReconnectMinDelay = Infinite }, "ReconnectMinDelay"),
        ["a minimum reconnect delay above the maximum"] = (o => o with
        {
            ReconnectMinDelay = TimeSpan.FromSeconds(10),
            ReconnectMaxDelay = TimeSpan.FromSeconds(5),
        }, "ReconnectMinDelay"),
        ["an infinite maximum reconnect delay"] = (o => o with { ReconnectMaxDelay = Infinite }, "ReconnectMaxDelay"),
        ["a maximum reconnect delay too long for a timer"] = (o => o with { ReconnectMaxDelay = TooLong }, "ReconnectMaxDelay"),
        ["no reconnect attempt"] = (o => o with { MaxReconnectAttempts = 0 }, "MaxReconnectAttempts"),
        ["a zero keepalive interval"] = (o => o with { KeepAliveInterval = TimeSpan.Zero }, "KeepAliveInterval"),
        ["a negative ping interval"] = (o => o with { PingInterval = Negative }, "PingInterval"),
        ["a zero ping timeout"] = (o => o with { PingTimeout = TimeSpan.Zero }, "PingTimeout"),
        ["an infinite ping timeout"] = (o => o with { PingTimeout = Infinite }, "PingTimeout"),
        ["an empty software name"] = (o => o with { SoftwareName = "" }, "SoftwareName"),
        ["an empty software version"] = (o => o with { SoftwareVersion = "" }, "SoftwareVersion"),
        ["an empty client type"] = (o => o with { ClientType = "" }, "ClientType"),
        ["a software name with '<' (the caps hash separator)"] = (o => o with { SoftwareName = "Bot<2>" }, "SoftwareName"),
        ["a client type with '<'"] = (o => o with { ClientType = "b<t" }, "ClientType"),
        ["a client type with '/' (the identity separator)"] = (o => o with { ClientType = "bot/pc" }, "ClientType"),
        ["an empty caps node"] = (o => o with { CapsNode = "" }, "CapsNode"),
    };

    public static TheoryData<string> RuleNames => [.. Rules.Keys];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_client_refuses_options_with_an_error_that_names_the_option(string rule)
    {
        var (breakOptions, option) = Rules[rule];
        var options = breakOptions(TestClients.Options());

        var error = Assert.ThrowsAny<ArgumentException>(() => new XmppClient(options));

        Assert.Equal(option, error.ParamName);
        Assert.Contains($"XmppClientOptions.{option}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_timespan_and_count_option_is_checked()
    {
        var properties = typeof(XmppClientOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(TimeSpan) || p.PropertyType == typeof(int) || p.PropertyType == typeof(int?))
            .ToArray();
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            object[] refused = property.PropertyType == typeof(TimeSpan) ? [Negative, TooLong] : [-1];
            foreach (var value in refused)
            {
                var options = TestClients.Options() with { Host = "xmpp.example.com" };
                property.SetValue(options, value);
                var error = Record.Exception(() => OptionsValidator.Validate(options));
                Assert.True(error is ArgumentException { ParamName: var name } && name == property.Name,
                    $"XmppClientOptions.{property.Name} = {value} was not refused by a rule naming it (got: {error?.Message ?? "no error"}).");
            }
        }
    }

    [Fact]
    public void The_defaults_and_the_documented_switches_are_accepted()
    {
        OptionsValidator.Validate(new XmppClientOptions { Jid = Jid.Parse("bot@example.com"), Password = "x" });
        OptionsValidator.Validate(TestClients.Options() with
        {
            Host = "xmpp.example.com",
            Port = 5222,
            DnsServers = [new IPEndPoint(IPAddress.Loopback, 53)],
            ConnectTimeout = Infinite,
            NegotiationTimeout = Infinite,
            IqTimeout = Infinite,
            AckRequestInterval = Infinite,
            KeepAliveInterval = Infinite,
            PingInterval = Infinite,
            ReconnectMinDelay = TimeSpan.FromSeconds(5),
            ReconnectMaxDelay = TimeSpan.FromSeconds(5),
            MaxReconnectAttempts = 1,
            Extensions = XmppExtensionSet.Empty,
        });
    }
}
