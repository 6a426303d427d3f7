using System.Text;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Registration;
using Xmpp.Client.Tests.Support;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.Registration;

/// <summary>In-band registration for a logged-in account (XEP-0077 §3.2, §3.3) and with other services.</summary>
public sealed class RegistrationExtensionTests
{
    private static readonly XmppExtensionSet Only = XmppExtensionSet.Empty.Add<RegistrationExtension>();

    [Fact]
    public async Task APasswordChangeSendsTheNameAndNewPasswordAndLaterLoginsUseIt()
    {
        var auths = new List<string>();
        var connections = 0;
        string? change = null;
        var (client, connector) = TestClients.Create(async server =>
        {
            var first = Interlocked.Increment(ref connections) == 1;
            await server.AcceptStreamAsync("<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>");
            var auth = await server.ExpectAsync("auth");
            lock (auths)
            {
                auths.Add(Encoding.UTF8.GetString(Convert.FromBase64String(auth.Value)));
            }

            await server.SendAsync("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            await server.AcceptStreamAsync("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>");
            var bind = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{bind.GetAttribute("id")}'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>user@example.com/test</jid></bind></iq>");
            if (first)
            {
                var set = await server.ExpectAsync("iq");
                change = set.ToString();
                await server.SendAsync($"<iq type='result' id='{set.GetAttribute("id")}'/>");
            }

            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { Extensions = Only });
        await using (client)
        {
            await client.ConnectAsync();
            await client.Registration.ChangePasswordAsync("n3w-pass");
            await client.DisconnectAsync();
            await client.ConnectAsync();
            await client.DisconnectAsync();
        }

        await connector.ServersCompletion;
        Assert.Contains("<username>user</username>", change, StringComparison.Ordinal);
        Assert.Contains("<password>n3w-pass</password>", change, StringComparison.Ordinal);
        Assert.Equal(["\0user\0pencil", "\0user\0n3w-pass"], auths);
        Assert.Equal("pencil", client.Options.Password);
    }

    [Fact]
    public async Task ARefusedPasswordChangeCarriesTheServersFormAndKeepsTheOldPassword()
    {
        await using var live = await LiveServer.StartAsync(Only);
        var changing = live.Client.Registration.ChangePasswordAsync("n3w-pass");
        await live.AnswerAsync(id => $"""
            <iq type='error' id='{id}'>
              <query xmlns='jabber:iq:register'>
                <x xmlns='jabber:x:data' type='form'>
                  <field type='hidden' var='FORM_TYPE'><value>jabber:iq:register:changepassword</value></field>
                  <field type='text-single' var='username'><required/></field>
                  <field type='text-private' var='old_password'><required/></field>
                  <field type='text-private' var='password'><required/></field>
                </x>
              </query>
              <error code='401' type='modify'><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>
            </iq>
            """);

        var error = await Assert.ThrowsAsync<RegistrationException>(() => changing);

        Assert.Equal(RegistrationError.NotAuthorized, error.Reason);
        Assert.NotNull(error.Form);
        Assert.Equal("jabber:iq:register:changepassword", error.Form.FormType);

        var form = error.Form.SetValue("username", "user").SetValue("old_password", "pencil").SetValue("password", "n3w-pass");
        var second = live.Client.Registration.ChangePasswordAsync(form, "n3w-pass");
        var submitted = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await second;
        Assert.Contains(submitted.Descendants(), e => e.Name.LocalName == "field" && (string?)e.Attribute("var") == "old_password" && e.Value == "pencil");
    }

    [Fact]
    public async Task CancellingTheAccountSendsRemoveAndDisconnects()
    {
        await using var live = await LiveServer.StartAsync(Only);
        var cancelling = live.Client.Registration.CancelAccountAsync();
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();

        await cancelling;

        Assert.NotNull(request.Descendants().SingleOrDefault(e => e.Name == System.Xml.Linq.XName.Get("remove", "jabber:iq:register")));
        Assert.Null(request.Attribute("to"));
        Assert.Equal(XmppClientState.Disconnected, live.Client.State);
    }

    [Fact]
    public async Task UnregisteringFromTheOwnServerIsRefusedBeforeAnythingIsSent()
    {
        await using var live = await LiveServer.StartAsync(Only);

        await Assert.ThrowsAsync<ArgumentException>(() => live.Client.Registration.UnregisterAsync(Jid.Parse("example.com")));
    }

    [Fact]
    public async Task RegisteringWithAGatewayAsksItsFormAndSubmitsItThere()
    {
        var gateway = Jid.Parse("irc.example.com");
        await using var live = await LiveServer.StartAsync(Only);
        var asking = live.Client.Registration.GetFormAsync(gateway);
        var get = (await live.AnswerAsync(id =>
            $"<iq type='result' id='{id}' from='irc.example.com'><query xmlns='jabber:iq:register'><instructions>Your IRC account.</instructions><username/><password/></query></iq>")).ToX();
        var form = await asking;
        Assert.Equal("irc.example.com", (string?)get.Attribute("to"));
        Assert.False(form.IsRegistered);

        var registering = live.Client.Registration.RegisterAsync(gateway, form.SetCredentials("romeo", "montague"));
        var set = (await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='irc.example.com'/>")).ToX();
        await registering;
        Assert.Equal("irc.example.com", (string?)set.Attribute("to"));
        Assert.Equal("set", (string?)set.Attribute("type"));

        var leaving = live.Client.Registration.UnregisterAsync(gateway);
        var remove = (await live.AnswerAsync(id => $"<iq type='error' id='{id}' from='irc.example.com'><error type='auth'><registration-required xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")).ToX();
        var error = await Assert.ThrowsAsync<RegistrationException>(() => leaving);
        Assert.Equal(gateway, error.Service);
        Assert.Contains(remove.Descendants(), e => e.Name.LocalName == "remove");
    }
}
