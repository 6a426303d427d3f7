using Xmpp.Client.Internal;

namespace Xmpp.Client.Tests.Events;

public class ByteBudgetTests
{
    [Fact]
    public async Task Bytes_are_taken_while_less_than_the_limit_is_held_and_a_waiting_taker_goes_on_once_enough_is_given_back()
    {
        var budget = new ByteBudget(limit: 100);
        Assert.True(budget.TryTake(60));
        Assert.True(budget.TryTake(500)); // below the limit when asked: one large item still gets through
        Assert.False(budget.TryTake(1));
        Assert.True(budget.TryTake(0)); // lifecycle events hold no bytes and never wait

        var waiting = budget.TakeAsync(10, CancellationToken.None).AsTask();
        budget.Give(60);
        Assert.False(waiting.IsCompleted); // 500 held: still over

        budget.Give(500);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(10, budget.Held);
    }

    [Fact]
    public async Task A_cancelled_wait_takes_nothing()
    {
        var budget = new ByteBudget(limit: 10);
        Assert.True(budget.TryTake(10));
        using var cancel = new CancellationTokenSource();
        var waiting = budget.TakeAsync(5, cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        budget.Give(10);
        Assert.Equal(0, budget.Held);
    }
}
