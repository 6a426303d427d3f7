using Xmpp.Client.Extensions.Availability;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// Makes two test accounts contacts of each other (presence subscriptions both ways, which PEP notifications and
/// avatar hashes need) and undoes it, so later tests start from empty rosters.
/// </summary>
internal static class Contacts
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Subscriptions both ways between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static async Task BefriendAsync(XmppClient a, XmppClient b)
    {
        await SubscribeAsync(a, b);
        await SubscribeAsync(b, a);
    }

    /// <summary>Removes the subscriptions both ways and the roster items.</summary>
    public static async Task ForgetAsync(XmppClient a, XmppClient b)
    {
        var aJid = a.BoundJid!.Value.Bare;
        var bJid = b.BoundJid!.Value.Bare;
        await b.Availability.UnsubscribeAsync(aJid);
        await a.Availability.UnsubscribeAsync(bJid);
        await a.Availability.CancelAsync(bJid);
        await b.Availability.CancelAsync(aJid);
        await b.Roster.RemoveAsync(aJid);
        await a.Roster.RemoveAsync(bJid);
    }

    /// <summary><paramref name="from"/> subscribes to <paramref name="to"/>'s presence, which approves.</summary>
    private static async Task SubscribeAsync(XmppClient from, XmppClient to)
    {
        var fromBare = from.BoundJid!.Value.Bare;
        var approved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<SubscriptionEventArgs, Task> approve = async args =>
        {
            if (args.Contact == fromBare)
            {
                await to.Availability.ApproveAsync(args.Contact);
            }
        };
        Func<SubscriptionEventArgs, Task> done = _ =>
        {
            approved.TrySetResult();
            return Task.CompletedTask;
        };
        to.Availability.SubscriptionRequested += approve;
        from.Availability.SubscriptionApproved += done;
        try
        {
            // Subscription requests and answers go to "interested" resources: those that fetched the roster.
            await from.Roster.GetAsync();
            await to.Roster.GetAsync();
            await from.Availability.SendAvailableAsync();
            await to.Availability.SendAvailableAsync();
            await from.Availability.SubscribeAsync(to.BoundJid!.Value.Bare);
            await approved.Task.WaitAsync(Wait);
        }
        finally
        {
            to.Availability.SubscriptionRequested -= approve;
            from.Availability.SubscriptionApproved -= done;
        }
    }
}
