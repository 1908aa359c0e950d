using System.Buffers.Binary;

namespace NCovNet.Core.Dicom;

/// <summary>Collects the compressed bytes of the first frame from encapsulated Pixel Data fragments (PS3.5 A.4).</summary>
internal static class EncapsulatedFrame
{
    public static byte[] First(DicomFragments pixelData, int frames, PixelEncoding encoding)
    {
        var fragments = pixelData.Fragments;
        if (fragments.Count == 0)
        {
            throw DicomErrors.Malformed("encapsulated Pixel Data has no fragments");
        }

        var count = FirstFrameFragmentCount(pixelData, frames, encoding);
        return Concatenate(fragments.Take(count));
    }

    private static int FirstFrameFragmentCount(DicomFragments pixelData, int frames, PixelEncoding encoding)
    {
        var fragments = pixelData.Fragments;
        if (frames == 1)
        {
            return fragments.Count;
        }

        if (fragments.Count == frames)
        {
            return 1;
        }

        if (pixelData.OffsetTable.Length >= 8)
        {
            return FragmentsBefore(BinaryPrimitives.ReadUInt32LittleEndian(pixelData.OffsetTable.Span[4..]), fragments);
        }

        // Without an offset table a JPEG frame ends with the fragment that holds its EOI marker.
        if (encoding == PixelEncoding.JpegBaseline)
        {
            for (var i = 0; i < fragments.Count; i++)
            {
                if (EndsWithEoi(fragments[i].Span))
                {
                    return i + 1;
                }
            }
        }

        return 1;
    }

    // Offsets count from the first fragment's item tag; each item adds an 8-byte header.
    private static int FragmentsBefore(uint secondFrameOffset, IReadOnlyList<ReadOnlyMemory<byte>> fragments)
    {
        long offset = 0;
        var count = 0;
        while (count < fragments.Count && offset < secondFrameOffset)
        {
            offset += 8 + fragments[count].Length;
            count++;
        }

        return Math.Max(count, 1);
    }

    private static bool EndsWithEoi(ReadOnlySpan<byte> fragment)
    {
        var trimmed = fragment.TrimEnd((byte)0);
        return trimmed.Length >= 2 && trimmed[^2] == 0xFF && trimmed[^1] == 0xD9;
    }

    private static byte[] Concatenate(IEnumerable<ReadOnlyMemory<byte>> fragments)
    {
        var parts = fragments.ToList();
        var result = new byte[parts.Sum(part => part.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(result.AsSpan(offset));
            offset += part.Length;
        }

        return result;
    }
}
