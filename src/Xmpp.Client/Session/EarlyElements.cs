using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// The elements the server sends while stream management is negotiated, before its <c>&lt;enabled/&gt;</c> or
/// <c>&lt;resumed/&gt;</c>, kept for the session. A server sends next to nothing there, so the bound is small: at
/// most <see cref="MaxCount"/> elements and, together, about as much as one stanza of the largest size accepted.
/// </summary>
internal sealed class EarlyElements
{
    /// <summary>The most elements kept.</summary>
    internal const int MaxCount = 1000;

    private readonly List<XmppElement> _elements = [];
    private readonly long _maxBytes;
    private long _bytes;

    /// <param name="maxBytes">The approximate size all of them together may have.</param>
    public EarlyElements(long maxBytes)
    {
        _maxBytes = maxBytes;
    }

    public IReadOnlyList<XmppElement> Elements => _elements;

    /// <summary>Keeps the element; <see langword="false"/> (and not kept) when that would pass a bound.</summary>
    public bool TryAdd(XmppElement element)
    {
        var size = ElementSize.Approximate(element);
        if (_elements.Count >= MaxCount || _bytes + size > _maxBytes)
        {
            return false;
        }

        _elements.Add(element);
        _bytes += size;
        return true;
    }

    /// <summary>What the bound is, for the error message.</summary>
    public string Describe() => $"{_elements.Count} elements of about {_bytes} bytes (at most {MaxCount} elements, about {_maxBytes} bytes)";
}
