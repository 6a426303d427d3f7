namespace Xmpp.Client.Extensions.Common;

/// <summary>
/// A server-owned list kept in memory (the roster, the block list): replaced by a fetch's result, changed by pushes.
/// Fetch results complete on the thread pool while pushes are handled on the event task, so the two can be applied in
/// either order; a push handled while a fetch is in flight is therefore replayed over that fetch's result, which makes
/// the outcome the same as in stream order (pushes are idempotent: each sets the final state of what it names).
/// </summary>
/// <typeparam name="TState">An immutable snapshot.</typeparam>
internal sealed class PushedState<TState>
    where TState : class
{
    private readonly object _gate = new();
    private readonly List<Fetch> _fetches = [];
    private TState _current;

    public PushedState(TState initial)
    {
        _current = initial;
    }

    /// <summary>The latest snapshot; safe to read from any thread.</summary>
    public TState Current => Volatile.Read(ref _current);

    /// <summary>Applies a pushed change and returns the snapshots before and after it.</summary>
    /// <param name="change">A pure function of the snapshot; it may run again over a later fetch's result.</param>
    public (TState Before, TState After) Apply(Func<TState, TState> change)
    {
        lock (_gate)
        {
            var before = _current;
            var after = change(before);
            Volatile.Write(ref _current, after);
            foreach (var fetch in _fetches)
            {
                fetch.Record(change);
            }

            return (before, after);
        }
    }

    /// <summary>Starts recording pushes; call before the request is sent, and dispose when done.</summary>
    public Fetch BeginFetch()
    {
        var fetch = new Fetch(this);
        lock (_gate)
        {
            _fetches.Add(fetch);
        }

        return fetch;
    }

    private TState Complete(Fetch fetch, Func<TState, TState> load, List<Func<TState, TState>> pushes)
    {
        lock (_gate)
        {
            _fetches.Remove(fetch);
            var state = load(_current);
            foreach (var push in pushes)
            {
                state = push(state);
            }

            Volatile.Write(ref _current, state);
            return state;
        }
    }

    private void Abandon(Fetch fetch)
    {
        lock (_gate)
        {
            _fetches.Remove(fetch);
        }
    }

    /// <summary>One fetch in flight: the pushes handled since it began.</summary>
    internal sealed class Fetch : IDisposable
    {
        private readonly PushedState<TState> _owner;
        private readonly List<Func<TState, TState>> _pushes = [];

        public Fetch(PushedState<TState> owner)
        {
            _owner = owner;
        }

        /// <summary>
        /// Installs the fetch's result: <paramref name="load"/> maps the current snapshot to the fetched one (it may
        /// return it unchanged), then the pushes handled meanwhile are replayed. Returns the new snapshot.
        /// </summary>
        public TState Complete(Func<TState, TState> load) => _owner.Complete(this, load, _pushes);

        public void Dispose() => _owner.Abandon(this);

        /// <summary>Called under the owner's lock.</summary>
        internal void Record(Func<TState, TState> push) => _pushes.Add(push);
    }
}
