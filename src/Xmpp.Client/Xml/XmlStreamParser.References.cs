using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>Entity and character references in text and attribute values.</summary>
internal sealed partial class XmlStreamParser
{
    private readonly byte[] _refName = new byte[8];
    private RefKind _refKind;
    private State _referenceReturn;
    private int _refValue;
    private int _refLength;

    private enum RefKind : byte
    {
        Start,
        NumberStart,
        Decimal,
        Hex,
        Name,
    }

    private void BeginReference(State returnTo)
    {
        _referenceReturn = returnTo;
        _refKind = RefKind.Start;
        _refValue = 0;
        _refLength = 0;
        _state = State.Reference;
    }

    private int Reference(ReadOnlySpan<byte> s, int i)
    {
        for (; i < s.Length; i++)
        {
            byte b = s[i];
            switch (_refKind)
            {
                case RefKind.Start:
                    if (b == '#')
                    {
                        _refKind = RefKind.NumberStart;
                    }
                    else if (b != ':' && XmlChars.IsAsciiNameStart(b))
                    {
                        _refKind = RefKind.Name;
                        _refName[_refLength++] = b;
                    }
                    else
                    {
                        Fail(StreamErrorCondition.NotWellFormed, "'&' must start an entity or character reference (write &amp; for '&')", i);
                    }

                    break;
                case RefKind.NumberStart when b == 'x':
                    _refKind = RefKind.Hex;
                    break;
                case RefKind.NumberStart:
                case RefKind.Decimal:
                case RefKind.Hex:
                    if (b == ';')
                    {
                        EndCharacterReference(i);
                        return i + 1;
                    }

                    AddDigit(b, i);
                    break;
                default:
                    if (b == ';')
                    {
                        EndEntityReference(i);
                        return i + 1;
                    }

                    if (b == ':' || !XmlChars.IsAsciiNameChar(b))
                    {
                        Fail(StreamErrorCondition.NotWellFormed, "Malformed entity reference", i);
                    }

                    if (_refLength == _refName.Length)
                    {
                        FailUnknownEntity(i);
                    }

                    _refName[_refLength++] = b;
                    break;
            }
        }

        return i;
    }

    private void AddDigit(byte b, int i)
    {
        bool hex = _refKind == RefKind.Hex;
        _refKind = hex ? RefKind.Hex : RefKind.Decimal;
        int digit = b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' when hex => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' when hex => b - 'A' + 10,
            _ => -1,
        };
        if (digit < 0)
        {
            Fail(StreamErrorCondition.NotWellFormed, "Malformed character reference", i);
        }

        _refValue = Math.Min((_refValue * (hex ? 16 : 10)) + digit, 0x110000);
        _refLength++;
    }

    private void EndCharacterReference(int i)
    {
        if (_refLength == 0 || !XmlChars.IsXmlChar(_refValue))
        {
            Fail(StreamErrorCondition.NotWellFormed, "Character reference to a character XML does not allow", i);
        }

        _scratch.AppendScalar(_refValue);
        _tokenNonAscii |= _refValue >= 0x80;
        _state = _referenceReturn;
        ResumeToken(i + 1);
    }

    private void EndEntityReference(int i)
    {
        byte value = _refName.AsSpan(0, _refLength) switch
        {
            [(byte)'l', (byte)'t'] => (byte)'<',
            [(byte)'g', (byte)'t'] => (byte)'>',
            [(byte)'a', (byte)'m', (byte)'p'] => (byte)'&',
            [(byte)'a', (byte)'p', (byte)'o', (byte)'s'] => (byte)'\'',
            [(byte)'q', (byte)'u', (byte)'o', (byte)'t'] => (byte)'"',
            _ => 0,
        };
        if (value == 0)
        {
            FailUnknownEntity(i);
        }

        _scratch.Append(value);
        _state = _referenceReturn;
        ResumeToken(i + 1);
    }

    private void FailUnknownEntity(int i) => Fail(StreamErrorCondition.RestrictedXml,
        $"The entity reference '&{Encoding.ASCII.GetString(_refName, 0, _refLength)}' is not allowed: XMPP permits only &lt; &gt; &amp; &apos; &quot; and character references (RFC 6120 §11.1)", i);
}
