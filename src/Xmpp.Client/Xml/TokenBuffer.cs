using System.Buffers;
using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// The parser's scratch buffer: holds the bytes of a token (a name, attribute value or text run) that a read cut
/// short, or that needed a substitution (an entity, a normalised line end). Grows from the shared array pool and
/// gives large arrays back once the token is done, so an idle connection holds only a small buffer.
/// </summary>
internal sealed class TokenBuffer
{
    private const int InitialSize = 256;
    private const int KeepAtMost = 64 * 1024;

    private byte[] _buffer = new byte[InitialSize];
    private bool _rented;

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public void Clear()
    {
        Length = 0;
        if (_buffer.Length > KeepAtMost)
        {
            ReturnBuffer();
            _buffer = new byte[InitialSize];
        }
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Append(byte b)
    {
        if (Length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[Length++] = b;
    }

    /// <summary>Appends the UTF-8 encoding of a Unicode scalar value.</summary>
    public void AppendScalar(int scalar)
    {
        if (_buffer.Length - Length < 4)
        {
            Grow(4);
        }

        Length += new Rune(scalar).EncodeToUtf8(_buffer.AsSpan(Length));
    }

    /// <summary>Gives the buffer back while the token is empty (an idle connection); the next append allocates one again.</summary>
    public void Release()
    {
        if (Length == 0)
        {
            ReturnBuffer();
            _buffer = [];
        }
    }

    /// <summary>Drops the last <paramref name="count"/> bytes.</summary>
    public void Truncate(int count) => Length -= count;

    private void Grow(int needed)
    {
        int size = Math.Max(Math.Max(_buffer.Length * 2, InitialSize), Length + needed);
        byte[] bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, Length).CopyTo(bigger);
        ReturnBuffer();
        _buffer = bigger;
        _rented = true;
    }

    private void ReturnBuffer()
    {
        if (_rented)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _rented = false;
        }
    }
}
