namespace Xmpp.Client.IntegrationTests.Faults;

/// <summary>
/// The bytes a <see cref="FaultProxy"/> may still forward before an armed cut, shared by every connection and both
/// directions. A pump reserves bytes before it sends them and releases them once sent; the cut fires when the budget
/// is spent and the last reserved bytes are sent, so exactly the budget reaches the peers.
/// </summary>
internal sealed class CutBudget
{
    private readonly object _gate = new();
    private long _remaining;
    private int _sending;
    private bool _fired;

    public CutBudget(long bytes) => _remaining = bytes;

    /// <summary>Completes when the cut has been done; canceled when it is disarmed.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Reserves up to <paramref name="wanted"/> bytes; 0 once the budget is spent (drop them, the cut is near).</summary>
    public int Reserve(int wanted)
    {
        lock (_gate)
        {
            if (_remaining == 0)
            {
                return 0;
            }

            var granted = (int)Math.Min(wanted, _remaining);
            _remaining -= granted;
            _sending++;
            return granted;
        }
    }

    /// <summary>Marks reserved bytes as sent; true exactly once: when the cut must be done now.</summary>
    public bool Release()
    {
        lock (_gate)
        {
            _sending--;
            if (_remaining > 0 || _sending > 0 || _fired)
            {
                return false;
            }

            _fired = true;
            return true;
        }
    }
}
