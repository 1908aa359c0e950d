using System.Buffers.Binary;

namespace NCovNet.Core.Dicom;

/// <summary>Reads the first frame of uncompressed Pixel Data into stored values (bits outside Bits Stored masked, signed values sign-extended).</summary>
internal static class NativePixelReader
{
    /// <param name="pixelData">Native Pixel Data, at least one frame long.</param>
    /// <param name="module">The image's pixel description.</param>
    /// <param name="bigEndianWords">True when the bytes are 16-bit words in big endian order (OW in Explicit VR Big Endian).</param>
    public static StoredFrame ReadFirstFrame(ReadOnlySpan<byte> pixelData, ImagePixelModule module, bool bigEndianWords)
    {
        if (module.Photometric == "YBR_FULL_422")
        {
            throw DicomErrors.Unsupported("uncompressed YBR_FULL_422 (subsampled) Pixel Data");
        }

        // Swapped 8-bit pairs need the pad byte of an odd-length frame.
        var needed = bigEndianWords && module.BitsAllocated == 8 ? (module.FrameByteLength + 1) & ~1 : module.FrameByteLength;
        if (pixelData.Length < needed)
        {
            throw DicomErrors.Truncated($"Pixel Data holds {pixelData.Length} bytes, one {module.Columns}x{module.Rows} frame needs {needed}");
        }

        var frame = pixelData[..needed];
        var samples = new int[module.FrameSampleCount];
        var shift = module.HighBit + 1 - module.BitsStored;
        var mask = (1 << module.BitsStored) - 1;
        var signBit = 1 << (module.BitsStored - 1);
        for (var i = 0; i < samples.Length; i++)
        {
            var raw = ReadRaw(frame, i, module.BitsAllocated, bigEndianWords);
            var value = (raw >> shift) & mask;
            samples[SampleIndex(i, module)] = module.IsSigned && (value & signBit) != 0 ? value - (mask + 1) : value;
        }

        return new StoredFrame(samples, module.SamplesPerPixel, module.Photometric);
    }

    private static int ReadRaw(ReadOnlySpan<byte> frame, int index, int bitsAllocated, bool bigEndianWords)
    {
        if (bitsAllocated == 16)
        {
            var word = frame.Slice(index * 2, 2);
            return bigEndianWords ? BinaryPrimitives.ReadUInt16BigEndian(word) : BinaryPrimitives.ReadUInt16LittleEndian(word);
        }

        // 8-bit samples in big endian OW words are swapped in pairs.
        return bigEndianWords ? frame[index ^ 1] : frame[index];
    }

    // Planar configuration 1 stores all red samples, then green, then blue; the frame is interleaved by pixel.
    private static int SampleIndex(int storedIndex, ImagePixelModule module)
    {
        if (!module.IsPlanar)
        {
            return storedIndex;
        }

        var plane = storedIndex / module.PixelCount;
        var pixel = storedIndex % module.PixelCount;
        return (pixel * module.SamplesPerPixel) + plane;
    }
}
