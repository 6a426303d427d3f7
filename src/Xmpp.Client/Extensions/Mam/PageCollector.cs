namespace Xmpp.Client.Extensions.Mam;

/// <summary>
/// The results of one page request, filled by the message route on the event task. The IQ answer (which does not go
/// through the event task, so it may come first) names the page's last id; the page is complete when that result has
/// been collected too.
/// </summary>
internal sealed class PageCollector(Jid archive, int max)
{
    private readonly List<ArchivedMessage> _messages = new(Math.Min(max, 64));
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _lock = new();
    private string? _awaitedLast;
    private bool _awaiting;

    public Jid Archive { get; } = archive;

    public int Max { get; } = max;

    /// <summary>Adds a result; <see langword="false"/> when the page already holds more than it asked for (the result is dropped).</summary>
    public bool Add(ArchivedMessage message)
    {
        lock (_lock)
        {
            if (_messages.Count >= Max)
            {
                return false;
            }

            _messages.Add(message);
            if (_awaiting && (message.Id == _awaitedLast || _messages.Count >= Max))
            {
                _complete.TrySetResult();
            }

            return true;
        }
    }

    /// <summary>
    /// Waits until the result with id <paramref name="last"/> arrived (at once when it is <see langword="null"/> or there
    /// already), or the page is full (a result past the page's size would be dropped anyway).
    /// </summary>
    public Task UntilCollectedAsync(string? last)
    {
        lock (_lock)
        {
            _awaitedLast = last;
            _awaiting = true;
            if (last is null || _messages.Count >= Max || _messages.Exists(message => message.Id == last))
            {
                _complete.TrySetResult();
            }
        }

        return _complete.Task;
    }

    public ArchivedMessage[] Messages()
    {
        lock (_lock)
        {
            return [.. _messages];
        }
    }
}
