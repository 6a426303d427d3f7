using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// Tokens (the bytes of a name, value or text run: [_tokenStart, _tokenEnd or the current position) of the span, after
/// what _scratch holds if _spilled), UTF-8 decoding and errors.
/// </summary>
internal sealed partial class XmlStreamParser
{
    /// <summary>Starts a new token at <paramref name="i"/> (and forgets the scratch buffer's contents).</summary>
    private void BeginToken(int i)
    {
        _tokenStart = i;
        _tokenEnd = -1;
        _spilled = false;
        _tokenNonAscii = false;
        _scratch.Clear();
    }

    /// <summary>Continues a token whose beginning is in the scratch buffer (after a reference, CDATA, a line end).</summary>
    private void ResumeToken(int i)
    {
        _tokenStart = i;
        _tokenEnd = -1;
    }

    /// <summary>Moves the token's bytes up to <paramref name="end"/> into the scratch buffer; the token is then suspended.</summary>
    private void Spill(ReadOnlySpan<byte> s, int end)
    {
        _scratch.Append(s[_tokenStart..end]);
        _spilled = true;
        _tokenStart = -1;
    }

    /// <summary>Like <see cref="Spill"/>, but leaves out the last <paramref name="trim"/> bytes of the token (a delimiter).</summary>
    private void SpillAllBut(ReadOnlySpan<byte> s, int end, int trim)
    {
        int inSpan = end - _tokenStart;
        if (inSpan >= trim)
        {
            Spill(s, end - trim);
        }
        else
        {
            _scratch.Truncate(trim - inSpan);
            _spilled = true;
            _tokenStart = -1;
        }
    }

    /// <summary>Ends the token at <paramref name="end"/> and returns its bytes (valid until the next token begins).</summary>
    private ReadOnlySpan<byte> TakeToken(ReadOnlySpan<byte> s, int end)
    {
        int start = _tokenStart;
        _tokenStart = -1;
        if (!_spilled)
        {
            return s[start..end];
        }

        _scratch.Append(s[start..end]);
        return _scratch.Span;
    }

    /// <summary>Decodes the non-ASCII scalar at <paramref name="i"/>; returns its length, or 0 if the span ends inside it.</summary>
    private int DecodeScalar(ReadOnlySpan<byte> s, int i, out int scalar)
    {
        OperationStatus status = Rune.DecodeFromUtf8(s[i..], out Rune rune, out int length);
        scalar = rune.Value;
        if (status == OperationStatus.Done)
        {
            return length;
        }

        if (status != OperationStatus.NeedMoreData)
        {
            Fail(StreamErrorCondition.UnsupportedEncoding, "Invalid UTF-8 (XMPP streams must be well-formed UTF-8, RFC 6120 §11.6)", i);
        }

        _needMore = true;
        return 0;
    }

    /// <summary>Validates a run of non-ASCII characters of content; returns where it ends.</summary>
    private int SkipNonAscii(ReadOnlySpan<byte> s, int i)
    {
        _tokenNonAscii = true;
        do
        {
            int length = DecodeScalar(s, i, out int c);
            if (length == 0)
            {
                return i;
            }

            if (c is 0xFFFE or 0xFFFF)
            {
                Fail(StreamErrorCondition.NotWellFormed, $"The character U+{c:X4} is not allowed in XML", i);
            }

            i += length;
        }
        while (i < s.Length && s[i] >= 0x80);
        return i;
    }

    [DoesNotReturn]
    private void Fail(StreamErrorCondition condition, string what, int i)
    {
        long offset = _spanOffset + i;
        throw new XmppXmlException(condition, $"{what} (at byte {offset} of the stream).", offset);
    }

    [DoesNotReturn]
    private void FailControl(byte b, int i) =>
        Fail(StreamErrorCondition.NotWellFormed, $"The control character 0x{b:X2} is not allowed in XML", i);

    /// <summary>The element (or header) being read is larger than the budget: fails the stream or skips the element.</summary>
    private int BreakSizeLimit(int i)
    {
        string what = _inStream ? "A top-level element" : "The stream header";
        return BreakLimit($"{what} starting at byte {_budgetStart} is larger than MaxElementBytes ({_options.MaxElementBytes} bytes)", i);
    }

    private static string Show(ReadOnlySpan<byte> utf8) =>
        utf8.Length <= 64 ? Encoding.UTF8.GetString(utf8) : Encoding.UTF8.GetString(utf8[..64]) + "…";
}
