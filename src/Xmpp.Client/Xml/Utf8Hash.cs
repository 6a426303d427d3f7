using System.Buffers.Binary;
using System.Numerics;

namespace Xmpp.Client.Xml;

/// <summary>A fast, non-cryptographic hash of short UTF-8 strings (names, namespaces, JIDs), 8 bytes a step.</summary>
/// <remarks>Tables that use it are bounded and never depend on it for correctness, so collisions cost only time.</remarks>
internal static class Utf8Hash
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    public static int Of(ReadOnlySpan<byte> utf8)
    {
        int length = utf8.Length;
        ulong hash = (ulong)length * Multiplier;
        if (length >= 8)
        {
            int i = 0;
            for (; i < length - 8; i += 8)
            {
                hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(utf8[i..]));
            }

            // The last 8 bytes, overlapping what was already mixed when the length is not a multiple of 8.
            hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length - 8)..]));
        }
        else if (length >= 4)
        {
            hash = Mix(hash, BinaryPrimitives.ReadUInt32LittleEndian(utf8) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(utf8[^4..]) << 32));
        }
        else if (length > 0)
        {
            hash = Mix(hash, utf8[0] | ((ulong)utf8[length >> 1] << 8) | ((ulong)utf8[length - 1] << 16));
        }

        hash *= Multiplier;
        return (int)(hash ^ (hash >> 32));
    }

    private static ulong Mix(ulong hash, ulong data) => BitOperations.RotateLeft((hash ^ data) * Multiplier, 29);
}
