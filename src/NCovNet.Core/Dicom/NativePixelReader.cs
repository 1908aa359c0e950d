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

        var samples = new int[module.FrameSampleCount];
        if (module.BitsAllocated == 16)
        {
            ReadWords(pixelData[..needed], samples, bigEndianWords);
        }
        else
        {
            ReadBytes(pixelData[..needed], samples, bigEndianWords);
        }

        KeepStoredBits(samples, module);
        return new StoredFrame(module.IsPlanar ? Interleave(samples, module) : samples, module.SamplesPerPixel, module.Photometric);
    }

    private static void ReadWords(ReadOnlySpan<byte> frame, int[] samples, bool bigEndian)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var word = frame.Slice(i * 2, 2);
            samples[i] = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(word) : BinaryPrimitives.ReadUInt16LittleEndian(word);
        }
    }

    // 8-bit samples in big endian OW words are swapped in pairs.
    private static void ReadBytes(ReadOnlySpan<byte> frame, int[] samples, bool swappedPairs)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = frame[swappedPairs ? i ^ 1 : i];
        }
    }

    // Bits Stored bits ending at High Bit hold the value; two's complement when Pixel Representation is 1.
    private static void KeepStoredBits(int[] samples, ImagePixelModule module)
    {
        var shift = module.HighBit + 1 - module.BitsStored;
        var mask = (1 << module.BitsStored) - 1;
        if (shift == 0 && module.BitsStored == module.BitsAllocated && !module.IsSigned)
        {
            return;
        }

        var signBit = module.IsSigned ? 1 << (module.BitsStored - 1) : 0;
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (((samples[i] >> shift) & mask) ^ signBit) - signBit;
        }
    }

    // Planar configuration 1 stores all red samples, then green, then blue; frames are returned interleaved by pixel.
    private static int[] Interleave(int[] planar, ImagePixelModule module)
    {
        var interleaved = new int[planar.Length];
        for (var i = 0; i < planar.Length; i++)
        {
            var plane = i / module.PixelCount;
            var pixel = i % module.PixelCount;
            interleaved[(pixel * module.SamplesPerPixel) + plane] = planar[i];
        }

        return interleaved;
    }
}
