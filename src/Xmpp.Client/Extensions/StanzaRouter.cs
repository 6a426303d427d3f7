using System.Numerics;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Internal;
using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Extensions;

/// <summary>
/// The extensions' routes for received messages and presences, looked up by payload name: a stanza meets only the
/// routes of the payloads it carries (one dictionary lookup per payload) and those without a payload filter, in the
/// order the routes were registered, each at most once. Built once when the client is created; read without locks.
/// </summary>
internal sealed class StanzaRouter
{
    private readonly Route[] _routes;
    private readonly ILogger _logger;
    private readonly Table _messages;
    private readonly Table _presences;

    private StanzaRouter(Route[] routes, ILogger logger)
    {
        _routes = routes;
        _logger = logger;
        _messages = new Table(routes, StanzaKind.Message);
        _presences = new Table(routes, StanzaKind.Presence);
    }

    /// <summary>The kinds of stanza routes are for (IQ requests go to IQ handlers, IQ answers to their requests).</summary>
    public enum StanzaKind
    {
        Message,
        Presence,
    }

    public static StanzaRouter Build(IEnumerable<Route> routes, ILogger logger) => new([.. routes], logger);

    /// <summary>
    /// Offers a received message or presence to the routes it matches, in order; <see langword="true"/> when one
    /// handled it (later routes and the client's events do not see it).
    /// </summary>
    public ValueTask<bool> RouteAsync(Stanza stanza, CancellationToken sessionOver)
    {
        var table = stanza switch
        {
            Message => _messages,
            Presence => _presences,
            _ => null,
        };
        if (table is null || table.IsEmpty)
        {
            return new(false);
        }

        var matches = table.Match(stanza.Element);
        return matches.IsEmpty ? new(false) : RunAsync(stanza, matches, sessionOver);
    }

    private async ValueTask<bool> RunAsync(Stanza stanza, RouteSet matches, CancellationToken sessionOver)
    {
        foreach (var index in matches)
        {
            var route = _routes[index];
            if (!route.Accepts(stanza))
            {
                continue;
            }

            try
            {
                if (await route.Handler(stanza, sessionOver).ConfigureAwait(false))
                {
                    return true;
                }
            }
            catch (Exception error)
            {
                SessionLog.HandlerFailed(_logger, $"{route.Owner} route", error);
            }
        }

        return false;
    }

    /// <summary>A registered route: which stanzas, and the handler that gets them.</summary>
    /// <param name="Kind">Messages or presences.</param>
    /// <param name="Payloads">The payloads the stanza must carry one of, or <see langword="null"/> for every stanza of the kind.</param>
    /// <param name="Type">The value of 'type' the stanza must have (as on the wire, <c>""</c> for none), or <see langword="null"/> for any.</param>
    /// <param name="Handler">Returns <see langword="true"/> when it handled the stanza.</param>
    /// <param name="Owner">The extension's name, for the log.</param>
    public sealed record Route(StanzaKind Kind, IReadOnlyList<XName>? Payloads, Func<Stanza, bool>? Type, Func<Stanza, CancellationToken, ValueTask<bool>> Handler,
        string Owner = "")
    {
        public bool Accepts(Stanza stanza) => Type is null || Type(stanza);
    }

    /// <summary>The routes of one kind: those for any stanza, and those by payload name (namespace, local name).</summary>
    private sealed class Table
    {
        private readonly RouteSet _any;
        private readonly Dictionary<(string Namespace, string Name), RouteSet> _byPayload = new(PayloadNameComparer.Instance);

        public Table(Route[] routes, StanzaKind kind)
        {
            var words = (routes.Length + 63) / 64;
            _any = new RouteSet(words);
            for (var i = 0; i < routes.Length; i++)
            {
                var route = routes[i];
                if (route.Kind != kind)
                {
                    continue;
                }

                if (route.Payloads is not { } payloads)
                {
                    _any = _any.With(i);
                    continue;
                }

                foreach (var payload in payloads)
                {
                    var key = (payload.NamespaceName, payload.LocalName);
                    _byPayload[key] = (_byPayload.TryGetValue(key, out var set) ? set : new RouteSet(words)).With(i);
                }
            }

            IsEmpty = _any.IsEmpty && _byPayload.Count == 0;
        }

        public bool IsEmpty { get; }

        public RouteSet Match(XmppElement stanza)
        {
            var matches = _any;
            if (_byPayload.Count == 0)
            {
                return matches;
            }

            foreach (var child in stanza.ChildSpan)
            {
                if (child is XmppElement { Namespace: not Namespaces.Client } payload
                    && _byPayload.TryGetValue((payload.Namespace, payload.Name), out var routes))
                {
                    matches = matches.Union(routes);
                }
            }

            return matches;
        }
    }

    /// <summary>A set of route indices as bits; one word (no allocation) up to 64 routes.</summary>
    private readonly struct RouteSet
    {
        private readonly ulong _first;
        private readonly ulong[]? _rest;

        public RouteSet(int words)
        {
            _first = 0;
            _rest = words > 1 ? new ulong[words - 1] : null;
        }

        private RouteSet(ulong first, ulong[]? rest)
        {
            _first = first;
            _rest = rest;
        }

        public bool IsEmpty => _first == 0 && (_rest is null || Array.TrueForAll(_rest, word => word == 0));

        public RouteSet With(int index)
        {
            if (index < 64)
            {
                return new RouteSet(_first | (1UL << index), _rest);
            }

            var rest = (ulong[])_rest!.Clone();
            rest[(index / 64) - 1] |= 1UL << (index % 64);
            return new RouteSet(_first, rest);
        }

        public RouteSet Union(RouteSet other)
        {
            if (_rest is null)
            {
                return new RouteSet(_first | other._first, null);
            }

            var rest = (ulong[])_rest.Clone();
            for (var i = 0; i < rest.Length; i++)
            {
                rest[i] |= other._rest![i];
            }

            return new RouteSet(_first | other._first, rest);
        }

        public Enumerator GetEnumerator() => new(this);

        public struct Enumerator
        {
            private readonly RouteSet _set;
            private int _word;
            private ulong _bits;
            private int _current;

            public Enumerator(RouteSet set)
            {
                _set = set;
                _word = 0;
                _bits = set._first;
                _current = -1;
            }

            public readonly int Current => _current;

            public bool MoveNext()
            {
                while (_bits == 0)
                {
                    if (_set._rest is null || _word >= _set._rest.Length)
                    {
                        return false;
                    }

                    _bits = _set._rest[_word++];
                }

                var bit = BitOperations.TrailingZeroCount(_bits);
                _bits &= _bits - 1;
                _current = (_word * 64) + bit;
                return true;
            }
        }
    }

    /// <summary>
    /// Compares payload names ordinally, hashing only their lengths and a few characters: the table holds a handful of
    /// names chosen by the extensions, and every received payload is looked up, so the hash must be cheap (no string
    /// walk); a collision costs only an ordinal comparison.
    /// </summary>
    private sealed class PayloadNameComparer : IEqualityComparer<(string Namespace, string Name)>
    {
        public static readonly PayloadNameComparer Instance = new();

        public bool Equals((string Namespace, string Name) x, (string Namespace, string Name) y) =>
            string.Equals(x.Name, y.Name, StringComparison.Ordinal) && string.Equals(x.Namespace, y.Namespace, StringComparison.Ordinal);

        public int GetHashCode((string Namespace, string Name) name) => HashCode.Combine(Sample(name.Namespace), Sample(name.Name));

        private static int Sample(string text) =>
            text.Length == 0 ? 0 : (text.Length << 16) ^ (text[0] << 8) ^ text[^1] ^ (text[text.Length / 2] << 4);
    }
}
