namespace Xmpp.Client.Xml;

/// <summary>
/// The prefix-to-namespace bindings in scope, innermost last. Elements push their declarations and pop back to the
/// count they started at; the stream header's bindings stay at the bottom for the whole stream.
/// </summary>
internal sealed class NamespaceScope
{
    private string[] _prefixes = new string[16];
    private string[] _namespaces = new string[16];

    public int Count { get; private set; }

    public void Push(string prefix, string ns)
    {
        if (Count == _prefixes.Length)
        {
            Array.Resize(ref _prefixes, Count * 2);
            Array.Resize(ref _namespaces, Count * 2);
        }

        _prefixes[Count] = prefix;
        _namespaces[Count] = ns;
        Count++;
    }

    /// <summary>Whether the bindings pushed since <paramref name="start"/> already bind <paramref name="prefix"/>.</summary>
    public bool DeclaredSince(int start, string prefix)
    {
        for (int i = start; i < Count; i++)
        {
            if (_prefixes[i] == prefix)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The namespace bound to a prefix (<c>""</c> for the default namespace), or <see langword="null"/> if none is.</summary>
    public string? Lookup(string prefix)
    {
        for (int i = Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_prefixes[i], prefix) || _prefixes[i] == prefix)
            {
                return _namespaces[i];
            }
        }

        return prefix.Length == 0 ? "" : null;
    }

    public void PopTo(int count) => Count = count;

    /// <summary>The bindings pushed since <paramref name="start"/>, as a prefix-to-namespace map.</summary>
    public Dictionary<string, string> ToDictionary(int start)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = start; i < Count; i++)
        {
            map[_prefixes[i]] = _namespaces[i];
        }

        return map;
    }
}
