using System.Buffers.Binary;

namespace NCovNet.Core.Dicom;

/// <summary>
/// Decodes one RLE Lossless frame (PS3.5 annex G): a 64-byte header of segment offsets, then
/// one PackBits segment per byte plane, most significant byte first, sample by sample.
/// </summary>
internal static class RleDecoder
{
    private const int HeaderLength = 64;

    /// <summary>The frame as native little endian samples, interleaved by pixel.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> frame, ImagePixelModule module)
    {
        if (frame.Length < HeaderLength)
        {
            throw DicomErrors.Truncated($"the RLE frame has {frame.Length} bytes, less than its {HeaderLength}-byte header");
        }

        var bytesPerSample = module.BytesPerSample;
        var expectedSegments = module.SamplesPerPixel * bytesPerSample;
        var segmentCount = BinaryPrimitives.ReadInt32LittleEndian(frame);
        if (segmentCount != expectedSegments)
        {
            throw DicomErrors.Malformed($"the RLE frame has {segmentCount} segments, {expectedSegments} expected");
        }

        var output = new byte[module.FrameByteLength];
        var plane = new byte[module.PixelCount];
        for (var segment = 0; segment < segmentCount; segment++)
        {
            var start = SegmentOffset(frame, segment);
            var end = segment + 1 < segmentCount ? SegmentOffset(frame, segment + 1) : frame.Length;
            if (start < HeaderLength || end < start)
            {
                throw DicomErrors.Malformed($"RLE segment {segment} has invalid offsets {start}..{end}");
            }

            UnpackBits(frame[start..end], plane, segment);
            var sample = segment / bytesPerSample;
            var byteInSample = bytesPerSample - 1 - (segment % bytesPerSample);
            for (var pixel = 0; pixel < plane.Length; pixel++)
            {
                output[(((pixel * module.SamplesPerPixel) + sample) * bytesPerSample) + byteInSample] = plane[pixel];
            }
        }

        return output;
    }

    private static int SegmentOffset(ReadOnlySpan<byte> frame, int segment)
    {
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + (segment * 4))..]);
        return offset <= (uint)frame.Length
            ? (int)offset
            : throw DicomErrors.Truncated($"RLE segment {segment} starts at {offset}, beyond the {frame.Length}-byte frame");
    }

    // PackBits: n in 0..127 copies n+1 literal bytes, n in -127..-1 repeats the next byte 1-n times, -128 is a no-op.
    private static void UnpackBits(ReadOnlySpan<byte> segment, Span<byte> plane, int index)
    {
        var read = 0;
        var written = 0;
        while (written < plane.Length)
        {
            if (read >= segment.Length)
            {
                throw DicomErrors.Malformed($"RLE segment {index} ends after {written} of {plane.Length} bytes");
            }

            var header = (sbyte)segment[read++];
            if (header >= 0)
            {
                var count = Math.Min(header + 1, plane.Length - written);
                if (read + count > segment.Length)
                {
                    throw DicomErrors.Malformed($"RLE segment {index} has a literal run past its end");
                }

                segment.Slice(read, count).CopyTo(plane[written..]);
                read += header + 1;
                written += count;
            }
            else if (header != -128)
            {
                if (read >= segment.Length)
                {
                    throw DicomErrors.Malformed($"RLE segment {index} has a replicate run past its end");
                }

                var count = Math.Min(1 - header, plane.Length - written);
                plane.Slice(written, count).Fill(segment[read++]);
                written += count;
            }
        }
    }
}
