using System.Text;

namespace Xmpp.Client.Testing.Internal;

/// <summary>
/// Cuts the client's stream into stream headers, complete top-level elements and the stream end, without waiting for
/// a byte after an element (a reader that looks ahead would hold each stanza until the next one arrived). Tracks tags,
/// quoted attribute values and depth only: the elements themselves are parsed by <see cref="StanzaParser"/>.
/// Resumable: text is appended as it arrives and the scan continues where it stopped.
/// </summary>
internal sealed class ElementFramer
{
    private readonly StringBuilder _text = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly int _maxChars;
    private int _scan;
    private int _depth;
    private int _tagStart = -1;
    private int _elementStart = -1;
    private char _quote;

    public ElementFramer(int maxChars)
    {
        _maxChars = maxChars;
    }

    /// <summary>Adds bytes read from the client (a multi-byte character may be split across calls).</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[_decoder.GetCharCount(bytes, flush: false)];
        _decoder.GetChars(bytes, chars, flush: false);
        _text.Append(chars);
    }

    /// <summary>The next complete frame, or <see langword="false"/> when more bytes are needed.</summary>
    /// <exception cref="FormatException">The stream is not XML the server accepts, or an element is too large.</exception>
    public bool TryNext(out Frame frame)
    {
        for (; _scan < _text.Length; _scan++)
        {
            var c = _text[_scan];
            if (_tagStart < 0)
            {
                if (c == '<')
                {
                    _tagStart = _scan;
                    if (_elementStart < 0)
                    {
                        _elementStart = _scan;
                    }
                }
                else if (_elementStart < 0 && !char.IsWhiteSpace(c))
                {
                    throw new FormatException($"Text '{c}' outside of any element.");
                }

                continue;
            }

            if (_quote != '\0')
            {
                if (c == _quote)
                {
                    _quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                _quote = c;
            }
            else if (c == '>' && TryEndTag(out frame))
            {
                _scan = 0;
                return true;
            }
        }

        if (_text.Length > _maxChars)
        {
            throw new FormatException($"An element is larger than {_maxChars} characters.");
        }

        frame = default;
        return false;
    }

    private bool TryEndTag(out Frame frame)
    {
        frame = default;
        var tag = _text.ToString(_tagStart, _scan - _tagStart + 1);
        _tagStart = -1;
        if (tag.StartsWith("<?", StringComparison.Ordinal))
        {
            if (_depth != 0)
            {
                throw new FormatException("A processing instruction inside an element.");
            }

            return Take(out frame, kind: null);
        }

        if (tag.StartsWith("<!", StringComparison.Ordinal))
        {
            throw new FormatException("Comments, CDATA sections and DTDs are not allowed in XMPP.");
        }

        if (tag.StartsWith("</", StringComparison.Ordinal))
        {
            if (_depth == 0)
            {
                return tag.StartsWith("</stream:stream", StringComparison.Ordinal)
                    ? Take(out frame, FrameKind.StreamEnd)
                    : throw new FormatException($"Unexpected end tag {tag}.");
            }

            _depth--;
            return _depth == 0 && Take(out frame, FrameKind.Element);
        }

        var selfClosing = tag.EndsWith("/>", StringComparison.Ordinal);
        if (_depth == 0 && !selfClosing && tag.StartsWith("<stream:stream", StringComparison.Ordinal) && tag.Length > 14
            && (char.IsWhiteSpace(tag[14]) || tag[14] == '>'))
        {
            return Take(out frame, FrameKind.StreamHeader);
        }

        if (!selfClosing)
        {
            _depth++;
            return false;
        }

        return _depth == 0 && Take(out frame, FrameKind.Element);
    }

    /// <summary>Removes the text up to the current position; returns it as a frame unless <paramref name="kind"/> is null.</summary>
    private bool Take(out Frame frame, FrameKind? kind)
    {
        var text = _text.ToString(_elementStart, _scan - _elementStart + 1);
        _text.Remove(0, _scan + 1);
        _scan = -1; // the loop's increment (or TryNext after a frame) makes it 0
        _elementStart = -1;
        frame = kind is { } k ? new Frame(k, text) : default;
        return kind is not null;
    }
}
