namespace Xmpp.Client;

internal static partial class OptionsValidator
{
    /// <summary>The longest wait a timer takes (<see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>, <see cref="Task.Delay(TimeSpan)"/>): about 24.8 days.</summary>
    internal static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>A timeout or interval: positive and at most <see cref="LongestWait"/>, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> (off).</summary>
    private static void Timeout(TimeSpan value, string name)
    {
        if (value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            Period(value, name, " (or Timeout.InfiniteTimeSpan to switch it off)");
        }
    }

    /// <summary>A wait that must happen: positive and at most <see cref="LongestWait"/>.</summary>
    private static void Period(TimeSpan value, string name, string alternative = "")
    {
        if (value <= TimeSpan.Zero || value > LongestWait)
        {
            throw OutOfRange(name, value, $"must be positive and at most {LongestWait.TotalDays:0.#} days{alternative}.");
        }
    }

    private static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw OutOfRange(name, value, $"must be at least {minimum}.");
        }
    }

    private static void NotEmpty(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Invalid(name, "must not be empty.");
        }
    }

    private static ArgumentException Invalid(string name, string rule) => new($"XmppClientOptions.{name} {rule}", name);

    private static ArgumentOutOfRangeException OutOfRange(string name, object? value, string rule) =>
        new(name, value, $"XmppClientOptions.{name} {rule}");
}
