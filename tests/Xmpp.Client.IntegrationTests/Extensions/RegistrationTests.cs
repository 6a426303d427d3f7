using Xmpp.Client.Extensions.Registration;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// In-band registration (XEP-0077) against Prosody (allow_registration) and ejabberd (mod_register): create an
/// account before login, log in with it, change its password, delete it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RegistrationTests(ServersFixture fixture)
{
    private XmppClientOptions NewAccount(XmppTestServer server, string password) =>
        ClientFactory.Options(fixture.Servers, server) with
        {
            Jid = Jid.Parse($"reg-{Guid.NewGuid():N}"[..16] + "@" + server.Domain),
            Password = password,
        };

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_new_account_is_registered_logs_in_changes_its_password_and_is_deleted(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var options = NewAccount(server, "first-Pass-1");

        await using (var connection = await XmppPreLoginConnection.OpenAsync(options))
        {
            Assert.True(connection.IsEncrypted);
            Assert.True(AccountRegistration.IsOffered(connection));
            var form = await AccountRegistration.GetFormAsync(connection);
            Assert.Contains("username", form.Form is null ? form.Fields : form.Form.Fields.Select(f => f.Var ?? ""));
            await AccountRegistration.RegisterAsync(connection, form.SetCredentials(options.Jid.Local!, options.Password!));
        }

        await using (var client = await ClientFactory.ConnectedAsync(options))
        {
            Assert.Equal(options.Jid.Bare, client.BoundJid!.Value.Bare);
            await client.Registration.ChangePasswordAsync("second-Pass-2");
            await client.DisconnectAsync();
            await client.ConnectAsync(); // authenticates with the new password
            Assert.Equal(XmppClientState.Connected, client.State);
        }

        await Assert.ThrowsAsync<XmppAuthenticationException>(() => ClientFactory.ConnectedAsync(options));

        var renewed = options with { Password = "second-Pass-2" };
        await using (var client = await ClientFactory.ConnectedAsync(renewed))
        {
            await client.Registration.CancelAccountAsync();
            Assert.Equal(XmppClientState.Disconnected, client.State);
        }

        await Assert.ThrowsAsync<XmppAuthenticationException>(() => ClientFactory.ConnectedAsync(renewed));
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Registering_an_existing_account_says_it_exists(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var existing = ClientFactory.Options(fixture.Servers, server, "bob") with { Password = "another-Pass-3" };

        var error = await Assert.ThrowsAsync<RegistrationException>(() => AccountRegistration.RegisterAsync(existing));

        Assert.Equal(RegistrationError.AccountExists, error.Reason);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task The_same_account_registered_twice_is_refused_the_second_time(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var options = NewAccount(server, "Some-Pass-4");
        await AccountRegistration.RegisterAsync(options);
        try
        {
            var error = await Assert.ThrowsAsync<RegistrationException>(() => AccountRegistration.RegisterAsync(options));
            Assert.Equal(RegistrationError.AccountExists, error.Reason);
        }
        finally
        {
            await using var client = await ClientFactory.ConnectedAsync(options);
            await client.Registration.CancelAccountAsync();
        }
    }

    [Fact]
    public async Task A_captcha_protected_registration_reports_the_challenge_and_takes_the_answer()
    {
        var server = fixture.Servers.Ejabberd;
        var options = ClientFactory.Options(fixture.Servers, server) with
        {
            Jid = Jid.Parse($"cap-{Guid.NewGuid():N}"[..16] + "@" + server.CaptchaDomain),
            Password = "Captcha-Pass-6",
        };

        var refused = await Assert.ThrowsAsync<XmppException>(() => AccountRegistration.RegisterAsync(options));
        Assert.Contains("CAPTCHA", refused.Message, StringComparison.Ordinal);

        await using (var connection = await XmppPreLoginConnection.OpenAsync(options))
        {
            var form = await AccountRegistration.GetFormAsync(connection);
            Assert.True(form.HasCaptcha, "no CAPTCHA in the form");
            var captcha = Assert.Single(form.Captchas);
            Assert.Equal("ocr", captcha.Kind);
            var image = Assert.Single(captcha.Media, m => m.Data is not null);
            Assert.Equal("image/png", image.MediaType);
            Assert.Equal(0x89, image.Data!.Value.Span[0]);

            // A person reads the image; the test server wrote down what it shows.
            var answer = (await File.ReadAllTextAsync(server.CaptchaAnswerPath!)).Trim();
            form.SetCredentials(options.Jid.Local!, options.Password!).Set(captcha.Kind, answer);
            await AccountRegistration.RegisterAsync(connection, form);
        }

        await using var client = await ClientFactory.ConnectedAsync(options);
        Assert.Equal(options.Jid.Bare, client.BoundJid!.Value.Bare);
        await client.Registration.CancelAccountAsync();
    }
}
