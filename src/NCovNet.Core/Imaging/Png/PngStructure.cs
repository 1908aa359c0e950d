using System.Buffers.Binary;

namespace NCovNet.Core.Imaging.Png;

/// <summary>
/// Walks the PNG chunk list before decoding. ImageSharp 2.1 returns a partial image for
/// some cut files; this walk tells truncated files (a chunk runs past the end, or no IEND)
/// from malformed ones (no IHDR first, impossible chunk lengths).
/// </summary>
internal static class PngStructure
{
    /// <summary>Length, type and CRC around a chunk's data.</summary>
    public const int ChunkOverhead = 12;

    /// <summary>The IHDR chunk's data length.</summary>
    public const int HeaderLength = 13;

    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void Validate(ReadOnlySpan<byte> data)
    {
        if (data.Length < Signature.Length)
        {
            throw Truncated($"the file ends inside the signature ({data.Length} bytes)");
        }

        var position = Signature.Length;
        var first = true;
        while (true)
        {
            if (data.Length - position < 8)
            {
                throw Truncated($"the file ends at byte {data.Length} without an IEND chunk");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            var type = data.Slice(position + 4, 4);
            if (length > int.MaxValue)
            {
                throw Malformed($"chunk at byte {position} declares an impossible length {length}");
            }

            if (first && (!type.SequenceEqual("IHDR"u8) || length != HeaderLength))
            {
                throw Malformed("the first chunk is not a 13-byte IHDR");
            }

            if (data.Length - position - ChunkOverhead < length)
            {
                throw Truncated($"the {ChunkName(type)} chunk at byte {position} declares {length} bytes but the file ends at byte {data.Length}");
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return;
            }

            position += ChunkOverhead + (int)length;
            first = false;
        }
    }

    private static string ChunkName(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return Convert.ToHexString(type);
            }
        }

        return System.Text.Encoding.ASCII.GetString(type);
    }

    private static RadiographDecodeException Truncated(string why) => new(DecodeErrorCode.Truncated, $"The PNG is truncated: {why}.");

    private static RadiographDecodeException Malformed(string why) => new(DecodeErrorCode.Malformed, $"The PNG is malformed: {why}.");
}
