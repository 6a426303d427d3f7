using Xmpp.Client.Extensions.ChatStates;

namespace Xmpp.Client.Tests.Extensions.ChatStates;

public class ChatStateSupportTests
{
    [Fact]
    public void A_content_message_without_a_state_says_no_and_any_state_says_yes()
    {
        var support = new ChatStateSupport();
        var juliet = Jid.Parse("juliet@example.com/balcony");
        Assert.True(support.MaySend(juliet));
        support.Observe(juliet, hasBody: true, hasChatState: false);
        Assert.False(support.MaySend(juliet));
        Assert.True(support.MaySend(juliet.Bare));
        support.Observe(juliet, hasBody: false, hasChatState: false);
        Assert.False(support.MaySend(juliet));
        support.Observe(juliet, hasBody: false, hasChatState: true);
        Assert.True(support.MaySend(juliet));
    }

    [Fact]
    public void Strangers_cannot_grow_it_past_its_bound_it_starts_over_instead()
    {
        var support = new ChatStateSupport();
        var first = Jid.Parse("stranger0@example.com/x");
        support.Observe(first, hasBody: true, hasChatState: false);
        for (var i = 1; i < ChatStateSupport.MaxPartners; i++)
        {
            support.Observe(Jid.Parse($"stranger{i}@example.com/x"), hasBody: true, hasChatState: false);
        }

        Assert.False(support.MaySend(first));
        support.Observe(Jid.Parse("one-more@example.com/x"), hasBody: true, hasChatState: false);
        Assert.True(support.MaySend(first));
        Assert.False(support.MaySend(Jid.Parse("one-more@example.com/x")));
    }
}
