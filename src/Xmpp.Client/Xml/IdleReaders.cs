using System.Runtime.CompilerServices;

namespace Xmpp.Client.Xml;

/// <summary>
/// One process-wide timer for every <see cref="XmlStreamReader"/>: each tick, a reader that has waited for bytes
/// longer than <see cref="IdleAfterMilliseconds"/> gives back its parser's learned state
/// (<see cref="XmlStreamParser.ReleaseLearnedState"/>). Readers are held weakly: one that is dropped leaves by itself.
/// </summary>
internal static class IdleReaders
{
    /// <summary>How long a reader waits for bytes before its parser's learned state goes.</summary>
    public const long IdleAfterMilliseconds = 30_000;

    private const int TickMilliseconds = 10_000;

    private static readonly ConditionalWeakTable<XmlStreamReader, object?> s_readers = new();
    private static readonly object s_timerLock = new();
    private static Timer? s_timer;

    /// <summary>Adds a reader (once per reader); starts the timer with the first.</summary>
    public static void Add(XmlStreamReader reader)
    {
        s_readers.TryAdd(reader, null);
        if (Volatile.Read(ref s_timer) is null)
        {
            StartTimer();
        }
    }

    /// <summary>One tick: every reader idle since before <paramref name="now"/> minus the idle time releases.</summary>
    /// <param name="now">The time, as <see cref="Environment.TickCount64"/>.</param>
    public static void Tick(long now)
    {
        foreach (var (reader, _) in s_readers)
        {
            reader.ReleaseIfIdle(now);
        }
    }

    private static void StartTimer()
    {
        lock (s_timerLock)
        {
            if (s_timer is not null)
            {
                return;
            }

            // Not the first reader's execution context (its logging scopes, activities) for the process's lifetime.
            using (ExecutionContext.SuppressFlow())
            {
                Volatile.Write(ref s_timer, new Timer(_ => Tick(Environment.TickCount64), null, TickMilliseconds, TickMilliseconds));
            }
        }
    }
}
