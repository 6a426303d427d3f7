namespace Xmpp.Client.Xml;

/// <summary>
/// The names and namespace names a parser's stanzas refer to by number (<see cref="StanzaNode"/>), so that a parsed
/// stanza holds one reference to this table's array instead of one per name. Append-only: an entry never changes, so
/// a stanza keeps reading the array it was parsed with after the table has grown into a new one. Once it holds
/// <see cref="MaxEntries"/> names the parser starts a new table between two stanzas (<see cref="Generation"/> tells
/// whoever kept a number that it is stale), so a peer that sends ever new names cannot grow it without bound.
/// Within a generation a number stands for its content: equal strings get equal numbers (duplicate attributes are
/// found by comparing numbers).
/// </summary>
internal sealed class StringTable
{
    /// <summary>How many entries make the parser start a new table at the next stanza.</summary>
    public const int MaxEntries = 4096;

    /// <summary>The number of <c>""</c> in every table.</summary>
    public const int Empty = 0;

    /// <summary>The number of the <c>xml</c> prefix's namespace in every table.</summary>
    public const int XmlNamespace = 1;

    private const int Recent = 8;

    private const int InitialItems = 64;

    private Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly string?[] _recent = new string?[Recent];
    private readonly int[] _recentNumbers = new int[Recent];
    private int _nextRecent;
    private string[] _items = [];

    public StringTable() => Restart();

    /// <summary>The entries; indexes below <see cref="Count"/> are set and never change.</summary>
    public string[] Items => _items;

    public int Count { get; private set; }

    /// <summary>Changes whenever the table starts over; numbers kept from another generation are stale.</summary>
    public int Generation { get; private set; }

    public bool IsFull => Count >= MaxEntries;

    /// <summary>
    /// The number of a string, added if it has none yet. A namespace name is most often the same string object as a
    /// moment ago (the parser's name table gives one per name), so the last few are compared by reference first.
    /// </summary>
    public int NumberOf(string value)
    {
        for (int k = 0; k < Recent; k++)
        {
            if (ReferenceEquals(_recent[k], value))
            {
                return _recentNumbers[k];
            }
        }

        if (!_numbers.TryGetValue(value, out int number))
        {
            number = Add(value);
            _numbers[value] = number;
        }

        _recent[_nextRecent] = value;
        _recentNumbers[_nextRecent] = number;
        _nextRecent = (_nextRecent + 1) % Recent;
        return number;
    }

    /// <summary>Appends a string and returns its number.</summary>
    private int Add(string value)
    {
        if (Count == _items.Length)
        {
            // A new array: stanzas parsed so far keep the old one, whose entries stay as they are.
            Array.Resize(ref _items, Count * 2);
        }

        _items[Count] = value;
        return Count++;
    }

    /// <summary>Starts an empty table (but for the two fixed entries) in a new generation.</summary>
    public void Restart() => Restart(InitialItems);

    /// <summary>
    /// Starts over as <see cref="Restart()"/> does, holding as little as it can (an idle connection): the lookup's
    /// storage goes too, and the next names grow it again. Stanzas parsed before keep the array they refer to.
    /// </summary>
    public void Release()
    {
        _numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        Restart(4);
    }

    private void Restart(int capacity)
    {
        _items = new string[capacity];
        Count = 0;
        Generation++;
        _numbers.Clear();
        Array.Clear(_recent);
        _numbers[""] = Add("");
        _numbers[XmlNamespaces.Xml] = Add(XmlNamespaces.Xml);
    }
}
