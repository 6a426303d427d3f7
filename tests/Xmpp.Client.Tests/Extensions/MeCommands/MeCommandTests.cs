using Xmpp.Client.Extensions.MeCommands;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.MeCommands;

/// <summary>The /me command (XEP-0245): a body starting with exactly "/me ".</summary>
public class MeCommandTests
{
    [Theory]
    [InlineData("/me shrugs", "shrugs")]
    [InlineData("/me  laughs out loud", " laughs out loud")]
    [InlineData("/me ", "")]
    [InlineData("/me waves\nand leaves", "waves\nand leaves")]
    public void A_body_starting_with_slash_me_and_a_space_is_an_action(string body, string action)
    {
        Assert.True(MeCommand.TryParse(body, out var parsed));
        Assert.Equal(action, parsed);
    }

    [Theory]
    [InlineData("/me")]
    [InlineData("/meow")]
    [InlineData(" /me shrugs")]
    [InlineData("/ME shrugs")]
    [InlineData("/me\tshrugs")]
    [InlineData("say /me shrugs")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_an_action(string? body)
    {
        Assert.False(MeCommand.TryParse(body, out var action));
        Assert.Null(action);
    }

    [Fact]
    public void A_message_tells_whether_its_body_is_an_action()
    {
        Assert.True(new Message(Jid.Parse("juliet@example.com"), "/me sighs").IsMeCommand(out var action));
        Assert.Equal("sighs", action);
        Assert.False(new Message().IsMeCommand(out _));
    }
}
