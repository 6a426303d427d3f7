using System.Buffers;
using System.Text.Unicode;

namespace Xmpp.Client.Xml;

/// <summary>Writes UTF-8 straight into an <see cref="IBufferWriter{T}"/>'s memory, escaping XML text and attribute values.</summary>
/// <remarks>Callers have already validated the characters (<see cref="XmlWriterChecks"/>); call <see cref="Commit"/> at the end.</remarks>
internal ref struct Utf8Output
{
    private const int ChunkChars = 4096;

    private static readonly SearchValues<char> s_textEscapes = SearchValues.Create("&<>\r");
    private static readonly SearchValues<char> s_attributeEscapes = SearchValues.Create("&<\"\t\n\r");

    private readonly IBufferWriter<byte> _writer;
    private Span<byte> _span;
    private int _position;

    public Utf8Output(IBufferWriter<byte> writer)
    {
        _writer = writer;
        _span = writer.GetSpan(256);
        _position = 0;
    }

    public void Write(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _span.Length - _position)
        {
            Flush(utf8.Length);
        }

        utf8.CopyTo(_span[_position..]);
        _position += utf8.Length;
    }

    public void Write(byte b)
    {
        if (_position == _span.Length)
        {
            Flush(1);
        }

        _span[_position++] = b;
    }

    /// <summary>Writes characters as UTF-8 with no escaping (names and already-escaped runs).</summary>
    public void Write(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            OperationStatus status = Utf8.FromUtf16(chars, _span[_position..], out int read, out int written, replaceInvalidSequences: false);
            _position += written;
            chars = chars[read..];
            if (status == OperationStatus.DestinationTooSmall)
            {
                Flush(Math.Min(chars.Length, ChunkChars) * 3);
            }
            else if (status != OperationStatus.Done)
            {
                throw new ArgumentException("Text contains an unpaired surrogate.", nameof(chars));
            }
        }
    }

    /// <summary>Writes character data, escaping '&amp;', '&lt;', '&gt;' and CR (so that it survives line-end normalisation).</summary>
    public void WriteText(ReadOnlySpan<char> text)
    {
        while (true)
        {
            int k = text.IndexOfAny(s_textEscapes);
            if (k < 0)
            {
                Write(text);
                return;
            }

            Write(text[..k]);
            Write(text[k] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                _ => "&#xD;"u8,
            });
            text = text[(k + 1)..];
        }
    }

    /// <summary>Writes an attribute value for double quotes, escaping '&amp;', '&lt;', '"' and TAB, LF, CR as references.</summary>
    public void WriteAttributeValue(ReadOnlySpan<char> value)
    {
        while (true)
        {
            int k = value.IndexOfAny(s_attributeEscapes);
            if (k < 0)
            {
                Write(value);
                return;
            }

            Write(value[..k]);
            Write(value[k] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '"' => "&quot;"u8,
                '\t' => "&#x9;"u8,
                '\n' => "&#xA;"u8,
                _ => "&#xD;"u8,
            });
            value = value[(k + 1)..];
        }
    }

    /// <summary>Writes <c> name="value"</c> with an optional prefix.</summary>
    public void WriteAttribute(string? prefix, string name, string value)
    {
        Write((byte)' ');
        WriteName(prefix, name);
        Write("=\""u8);
        WriteAttributeValue(value);
        Write((byte)'"');
    }

    public void WriteName(string? prefix, string name)
    {
        if (!string.IsNullOrEmpty(prefix))
        {
            Write(prefix);
            Write((byte)':');
        }

        Write(name);
    }

    /// <summary>Hands the bytes written so far to the buffer writer.</summary>
    public void Commit()
    {
        _writer.Advance(_position);
        _position = 0;
        _span = default;
    }

    private void Flush(int needed)
    {
        _writer.Advance(_position);
        _position = 0;
        _span = _writer.GetSpan(Math.Max(needed, 256));
    }
}
