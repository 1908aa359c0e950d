using System.Buffers.Binary;

namespace NCovNet.Core.Imaging.Jpeg;

/// <summary>
/// Walks the JPEG marker segments before decoding. ImageSharp 2.1 fills a cut file with gray
/// instead of failing; this walk tells truncated files (a segment or the entropy-coded data
/// runs past the end without EOI) from malformed ones, and returns the frame header so that
/// unsupported processes are named before decoding.
/// </summary>
internal static class JpegStructure
{
    private const byte Marker = 0xFF;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    public static JpegFrameHeader Read(ReadOnlySpan<byte> data)
    {
        JpegFrameHeader? frame = null;
        var sawScan = false;
        var position = 2;
        if (data.Length < position)
        {
            throw Truncated($"the file ends inside the start-of-image marker ({data.Length} bytes)");
        }

        while (true)
        {
            if (position >= data.Length)
            {
                throw Truncated($"the file ends at byte {data.Length} without an end-of-image marker");
            }

            if (data[position] != Marker)
            {
                throw Malformed($"expected a marker at byte {position}, found 0x{data[position]:X2}");
            }

            while (position < data.Length && data[position] == Marker)
            {
                position++;
            }

            if (position >= data.Length)
            {
                throw Truncated($"the file ends at byte {data.Length} inside a marker");
            }

            var marker = data[position++];
            if (marker == EndOfImage)
            {
                return sawScan && frame is not null ? frame : throw Malformed("the image ends before any scan data");
            }

            if (IsStandalone(marker))
            {
                continue;
            }

            if (data.Length - position < 2)
            {
                throw Truncated($"the file ends inside the length of marker 0x{marker:X2}");
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2)
            {
                throw Malformed($"marker 0x{marker:X2} at byte {position - 2} declares length {length}");
            }

            if (data.Length - position < length)
            {
                throw Truncated($"marker 0x{marker:X2} at byte {position - 2} declares {length} bytes but the file ends at byte {data.Length}");
            }

            var segment = data.Slice(position + 2, length - 2);
            position += length;
            if (IsStartOfFrame(marker))
            {
                frame = ReadFrame(marker, segment);
            }
            else if (marker == StartOfScan)
            {
                if (frame is null)
                {
                    throw Malformed("scan data before any start-of-frame");
                }

                sawScan = true;
                position = SkipEntropyCodedData(data, position);
            }
        }
    }

    private static JpegFrameHeader ReadFrame(byte marker, ReadOnlySpan<byte> segment)
    {
        if (segment.Length < 6)
        {
            throw Malformed($"the start-of-frame segment has {segment.Length} bytes");
        }

        return new JpegFrameHeader(
            marker,
            Precision: segment[0],
            Height: BinaryPrimitives.ReadUInt16BigEndian(segment[1..]),
            Width: BinaryPrimitives.ReadUInt16BigEndian(segment[3..]),
            Components: segment[5]);
    }

    /// <summary>Returns the position of the next marker after entropy-coded data (0xFF not followed by 0x00 or RSTn).</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> data, int position)
    {
        while (true)
        {
            var next = data[position..].IndexOf(Marker);
            if (next < 0 || position + next + 1 >= data.Length)
            {
                throw Truncated($"the scan data runs to the end of the file ({data.Length} bytes) without an end-of-image marker");
            }

            position += next;
            var following = data[position + 1];
            if (following != 0x00 && !IsRestart(following))
            {
                return position;
            }

            position += 2;
        }
    }

    private static bool IsStandalone(byte marker) => marker is 0x01 or 0xD8 || IsRestart(marker);

    private static bool IsRestart(byte marker) => marker is >= 0xD0 and <= 0xD7;

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static RadiographDecodeException Truncated(string why) => new(DecodeErrorCode.Truncated, $"The JPEG is truncated: {why}.");

    private static RadiographDecodeException Malformed(string why) => new(DecodeErrorCode.Malformed, $"The JPEG is malformed: {why}.");
}
