namespace Xmpp.Client.Testing.Internal;

/// <summary>The subscription state of a roster item (RFC 6121 §2.1.2.5).</summary>
internal enum Subscription
{
    None,
    To,
    From,
    Both,
}

/// <summary>State changes of <see cref="Subscription"/>.</summary>
internal static class SubscriptionStates
{
    public static bool HasTo(this Subscription s) => s is Subscription.To or Subscription.Both;

    public static bool HasFrom(this Subscription s) => s is Subscription.From or Subscription.Both;

    public static Subscription WithTo(this Subscription s) => s.HasFrom() ? Subscription.Both : Subscription.To;

    public static Subscription WithFrom(this Subscription s) => s.HasTo() ? Subscription.Both : Subscription.From;

    public static Subscription WithoutTo(this Subscription s) => s.HasFrom() ? Subscription.From : Subscription.None;

    public static Subscription WithoutFrom(this Subscription s) => s.HasTo() ? Subscription.To : Subscription.None;

    public static string ToWire(this Subscription s) => s switch
    {
        Subscription.To => "to",
        Subscription.From => "from",
        Subscription.Both => "both",
        _ => "none",
    };
}
