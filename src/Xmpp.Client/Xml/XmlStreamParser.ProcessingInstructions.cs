using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>Processing instructions and the XML declaration.</summary>
internal sealed partial class XmlStreamParser
{
    private readonly byte[] _piTarget = new byte[3];
    private bool _xmlDeclarationAllowed;
    private int _piLength;

    private int PiTarget(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length)
        {
            byte b = s[i];
            int c = b;
            int length = b < 0x80 ? 1 : DecodeScalar(s, i, out c);
            if (length == 0)
            {
                return i;
            }

            if (_piLength == 0 ? !XmlChars.IsNameStartChar(c) : !XmlChars.IsNameChar(c))
            {
                break;
            }

            if (_piLength < _piTarget.Length)
            {
                _piTarget[_piLength] = (byte)(c < 0x80 ? c : 0);
            }

            _piLength++;
            i += length;
        }

        if (i == s.Length)
        {
            return i;
        }

        if (_piLength == 0)
        {
            Fail(StreamErrorCondition.NotWellFormed, "'<?' must be followed by a target name", i);
        }

        if (_piLength == 3 && Ascii.EqualsIgnoreCase(_piTarget, "xml"u8))
        {
            if (!_xmlDeclarationAllowed || !_piTarget.AsSpan().SequenceEqual("xml"u8))
            {
                Fail(StreamErrorCondition.NotWellFormed, "The XML declaration can only appear at the very start of a stream, as '<?xml'", i);
            }

            BeginToken(i);
            _state = State.XmlDecl;
            return i;
        }

        if (!_options.AllowProcessingInstructions)
        {
            FailProcessingInstruction(i);
        }

        if (!XmlChars.IsWhitespace(s[i]) && s[i] != '?')
        {
            Fail(StreamErrorCondition.NotWellFormed, "Expected whitespace or '?>' after a processing instruction target", i);
        }

        _questionMark = false;
        _state = State.PiBody;
        return i;
    }

    private int PiBody(ReadOnlySpan<byte> s, int i)
    {
        int questionMarks = _questionMark ? 1 : 0;
        while (i < s.Length)
        {
            if (questionMarks == 1 && s[i] == '>')
            {
                _questionMark = false;
                return EndMarkup(i + 1);
            }

            questionMarks = 0;
            i = SkipOtherContent(s, i, XmlChars.PiStops, (byte)'?', ref questionMarks);
            if (_needMore)
            {
                break;
            }
        }

        _questionMark = questionMarks == 1;
        return i;
    }

    private int XmlDecl(ReadOnlySpan<byte> s, int i)
    {
        for (; i < s.Length; i++)
        {
            byte b = s[i];
            if (_questionMark && b == '>')
            {
                _questionMark = false;
                SpillAllBut(s, i, 1);
                if (!XmlDeclaration.TryValidate(_scratch.Span, out StreamErrorCondition condition, out string? error))
                {
                    Fail(condition, error, i);
                }

                _state = State.Prolog;
                return i + 1;
            }

            _questionMark = b == '?';
            if (b >= 0x80 || (b < 0x20 && !XmlChars.IsWhitespace(b)) || i - _tokenStart + _scratch.Length > 256)
            {
                Fail(StreamErrorCondition.NotWellFormed, "Malformed XML declaration", i);
            }
        }

        return i;
    }

    private void FailProcessingInstruction(int i) => Fail(StreamErrorCondition.RestrictedXml,
        "Processing instructions are not allowed in XMPP (RFC 6120 §11.1)", i);
}
