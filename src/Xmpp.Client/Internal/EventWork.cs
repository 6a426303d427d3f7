namespace Xmpp.Client.Internal;

/// <summary>
/// One queued event of an <see cref="EventQueue"/>: what to run, the bytes of the stanza it dispatches, and how many
/// parts of it are still running (its dispatch on the event task, and the handlers it left running); when the last is
/// done the bytes are given back. Tasks started while it runs carry it along (an async-local value), which counts as
/// "inside the event" only while it is active.
/// </summary>
internal sealed class EventWork(EventQueue queue, string name, Func<ValueTask> run, long bytes)
{
    private int _holds = 1; // the dispatch itself

    public EventQueue Queue { get; } = queue;

    public string Name { get; } = name;

    public Func<ValueTask> Run { get; } = run;

    /// <summary>The bytes the stanza took on the wire; 0 for lifecycle events.</summary>
    public long Bytes { get; } = bytes;

    /// <summary>Whether some part of the event is still running.</summary>
    public bool Active => Volatile.Read(ref _holds) > 0;

    /// <summary>A handler of the event goes on running by itself.</summary>
    public void Hold() => Interlocked.Increment(ref _holds);

    /// <summary>A part of the event is done; after the last, its bytes go back to the queue.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _holds) == 0)
        {
            Queue.ReleaseBytes(Bytes);
        }
    }
}
