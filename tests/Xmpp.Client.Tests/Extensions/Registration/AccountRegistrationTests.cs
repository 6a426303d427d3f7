using Xmpp.Client.Extensions.Registration;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Registration;

/// <summary>Creating an account before login (XEP-0077 §3.1) over a pre-login connection to a scripted server.</summary>
public sealed class AccountRegistrationTests
{
    private const string Features = "<register xmlns='http://jabber.org/features/iq-register'/>";
    private const string Form = "<query xmlns='jabber:iq:register'><instructions>Pick a name.</instructions><username/><password/></query>";

    private static XmppClientOptions NewAccount() => TestClients.Options("newbie@example.com") with { Password = "s3cret!" };

    private static Task<XmppPreLoginConnection> OpenAsync(FakeConnector connector, XmppClientOptions? options = null) =>
        XmppPreLoginConnection.OpenAsync(options ?? NewAccount(), connector, CancellationToken.None);

    [Fact]
    public async Task TheFormIsAskedAndTheFilledOneSubmittedWithoutAuthenticating()
    {
        string? submitted = null;
        List<string>? received = null;
        var connector = new FakeConnector(async server =>
        {
            received = server.Received;
            var header = await server.AcceptStreamAsync(Features);
            Assert.Null(header.From); // the account does not exist yet: the header does not name it
            var get = await server.ExpectAsync("iq");
            Assert.Equal("get", get.GetAttribute("type"));
            await server.SendAsync($"<iq type='result' id='{get.GetAttribute("id")}'>{Form}</iq>");
            var set = await server.ExpectAsync("iq");
            submitted = set.ToString();
            await server.SendAsync($"<iq type='result' id='{set.GetAttribute("id")}'/>");
            await server.UntilClientClosesAsync();
        });

        await using (var connection = await OpenAsync(connector))
        {
            Assert.True(AccountRegistration.IsOffered(connection));
            var form = await AccountRegistration.GetFormAsync(connection);
            Assert.Equal("Pick a name.", form.Instructions);
            await AccountRegistration.RegisterAsync(connection, form.SetCredentials("newbie", "s3cret!"));
        }

        await connector.ServersCompletion;
        Assert.Contains("<username>newbie</username>", submitted, StringComparison.Ordinal);
        Assert.Contains("<password>s3cret!</password>", submitted, StringComparison.Ordinal);
        Assert.DoesNotContain(received!, element => element.Contains("urn:ietf:params:xml:ns:xmpp-sasl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegisteringFromOptionsFillsTheNameAndPassword()
    {
        string? submitted = null;
        var connector = new FakeConnector(async server =>
        {
            await server.AcceptStreamAsync(Features);
            var get = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{get.GetAttribute("id")}'>{Form}</iq>");
            var set = await server.ExpectAsync("iq");
            submitted = set.ToString();
            await server.SendAsync($"<iq type='result' id='{set.GetAttribute("id")}'/>");
            await server.UntilClientClosesAsync();
        });

        await AccountRegistration.RegisterAsync(NewAccount(), (o, t) => XmppPreLoginConnection.OpenAsync(o, connector, t), CancellationToken.None);

        await connector.ServersCompletion;
        Assert.Contains("<username>newbie</username>", submitted, StringComparison.Ordinal);
        Assert.Contains("<password>s3cret!</password>", submitted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cancel", "conflict", RegistrationError.AccountExists)]
    [InlineData("cancel", "not-allowed", RegistrationError.NotAllowed)]
    [InlineData("modify", "not-acceptable", RegistrationError.NotAcceptable)]
    [InlineData("wait", "resource-constraint", RegistrationError.TooManyRequests)]
    public async Task ARefusalIsATypedErrorWithTheServersText(string type, string condition, RegistrationError expected)
    {
        var connector = new FakeConnector(async server =>
        {
            await server.AcceptStreamAsync(Features);
            var get = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{get.GetAttribute("id")}'>{Form}</iq>");
            var set = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='error' id='{set.GetAttribute("id")}'><error type='{type}'><{condition} xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>" +
                                   "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>Said the server.</text></error></iq>");
            await server.UntilClientClosesAsync();
        });

        var error = await Assert.ThrowsAsync<RegistrationException>(() => AccountRegistration.RegisterAsync(NewAccount(), (o, t) => XmppPreLoginConnection.OpenAsync(o, connector, t), CancellationToken.None));

        Assert.Equal(expected, error.Reason);
        Assert.Equal("Said the server.", error.Error.Text);
        Assert.Contains("Said the server.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormAskingForMoreThanCredentialsIsNotSubmittedBlindly()
    {
        var sets = 0;
        var connector = new FakeConnector(async server =>
        {
            await server.AcceptStreamAsync(Features);
            var get = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{get.GetAttribute("id")}'><query xmlns='jabber:iq:register'><username/><password/><email/></query></iq>");
            while (await server.ReadElementAsync() is { } element)
            {
                sets += element.Name == "iq" ? 1 : 0;
            }
        });

        var error = await Assert.ThrowsAsync<XmppException>(() => AccountRegistration.RegisterAsync(NewAccount(), (o, t) => XmppPreLoginConnection.OpenAsync(o, connector, t), CancellationToken.None));

        await connector.ServersCompletion;
        Assert.Contains("email", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sets);
    }

    [Fact]
    public async Task AnAnswerFromAnotherSenderOrWithAnotherIdIsNotTakenForTheServers()
    {
        var connector = new FakeConnector(async server =>
        {
            await server.AcceptStreamAsync(Features);
            var get = await server.ExpectAsync("iq");
            var id = get.GetAttribute("id");
            await server.SendAsync($"<iq type='result' id='{id}' from='evil@example.com'><query xmlns='jabber:iq:register'><nick/></query></iq>");
            await server.SendAsync($"<iq type='result' id='other'><query xmlns='jabber:iq:register'><nick/></query></iq>");
            await server.SendAsync($"<iq type='result' id='{id}' from='example.com'>{Form}</iq>");
            await server.UntilClientClosesAsync();
        });

        await using var connection = await OpenAsync(connector);
        var form = await AccountRegistration.GetFormAsync(connection);

        Assert.Equal(["username", "password"], form.Fields);
    }

    [Fact]
    public async Task NoAnswerIsATimeoutAndTheConnectionRefusesFurtherRequests()
    {
        var connector = new FakeConnector(async server =>
        {
            await server.AcceptStreamAsync(Features);
            await server.UntilClientClosesAsync();
        });
        var options = NewAccount() with { IqTimeout = TimeSpan.FromMilliseconds(200) };

        await using var connection = await OpenAsync(connector, options);
        await Assert.ThrowsAsync<XmppTimeoutException>(() => AccountRegistration.GetFormAsync(connection));
        await Assert.ThrowsAsync<InvalidOperationException>(() => AccountRegistration.GetFormAsync(connection));
    }

    [Fact]
    public async Task AServerWithoutRegistrationSaysNotAllowed()
    {
        var connector = new FakeConnector(async server =>
        {
            await server.AcceptStreamAsync("");
            var get = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='error' id='{get.GetAttribute("id")}'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
            await server.UntilClientClosesAsync();
        });

        await using var connection = await OpenAsync(connector);
        Assert.False(AccountRegistration.IsOffered(connection));
        var error = await Assert.ThrowsAsync<RegistrationException>(() => AccountRegistration.GetFormAsync(connection));
        Assert.Equal(RegistrationError.NotAllowed, error.Reason);
    }

    [Fact]
    public async Task TlsIsRequiredBeforeAnythingIsAsked()
    {
        var connector = new FakeConnector(async server =>
        {
            await server.AcceptStreamAsync(Features); // no STARTTLS offered
            await server.UntilClientClosesAsync();
        });

        await Assert.ThrowsAsync<XmppTlsException>(() => OpenAsync(connector, NewAccount() with { TlsMode = TlsMode.Required }));
    }
}
