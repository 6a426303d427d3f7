using Xmpp.Client;
using Xmpp.Client.Extensions.Registration;

namespace PackageTests;

/// <summary>
/// Accounts as a new user writes them from the README, against the packed package and a real Prosody: register an
/// account in-band, log in with it, change its password, delete it; a taken name is a typed refusal.
/// </summary>
public sealed class AccountTests
{
    [Fact]
    public async Task A_new_account_registers_logs_in_changes_its_password_and_is_deleted()
    {
        var server = TestServer.Prosody;
        var options = server.Options("alice") with
        {
            Jid = Jid.Parse($"pkg-{Guid.NewGuid():N}"[..16] + "@" + server.Domain),
            Password = "a long secret",
        };

        await AccountRegistration.RegisterAsync(options);

        await using (var client = new XmppClient(options))
        {
            await client.ConnectAsync();
            await client.Registration.ChangePasswordAsync("an even longer secret");
        }

        await using (var client = new XmppClient(options with { Password = "an even longer secret" }))
        {
            await client.ConnectAsync();
            await client.Registration.CancelAccountAsync();
        }

        await using var gone = new XmppClient(options with { Password = "an even longer secret" });
        await Assert.ThrowsAsync<XmppAuthenticationException>(() => gone.ConnectAsync());
    }

    [Fact]
    public async Task A_taken_name_is_refused_as_existing()
    {
        var options = TestServer.Prosody.Options("bob") with { Password = "not bob's" };

        var error = await Assert.ThrowsAsync<RegistrationException>(() => AccountRegistration.RegisterAsync(options));

        Assert.Equal(RegistrationError.AccountExists, error.Reason);
    }
}
