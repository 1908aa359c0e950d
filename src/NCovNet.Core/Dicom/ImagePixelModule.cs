using NCovNet.Core.Imaging;

namespace NCovNet.Core.Dicom;

/// <summary>The Image Pixel module attributes (PS3.3 C.7.6.3), validated, and the pixel limit checked before any allocation.</summary>
internal sealed record ImagePixelModule
{
    public required int Rows { get; init; }

    public required int Columns { get; init; }

    public required int SamplesPerPixel { get; init; }

    public required int BitsAllocated { get; init; }

    public required int BitsStored { get; init; }

    public required int HighBit { get; init; }

    public required bool IsSigned { get; init; }

    public required string Photometric { get; init; }

    /// <summary>True when colour samples are stored plane by plane (Planar Configuration 1).</summary>
    public required bool IsPlanar { get; init; }

    public required int Frames { get; init; }

    public int BytesPerSample => BitsAllocated / 8;

    public int PixelCount => Rows * Columns;

    public int FrameSampleCount => PixelCount * SamplesPerPixel;

    public int FrameByteLength => FrameSampleCount * BytesPerSample;

    public bool IsMonochrome => Photometric is "MONOCHROME1" or "MONOCHROME2";

    public static ImagePixelModule Read(DicomDataset dataset, DecodeLimits limits)
    {
        var rows = Required(dataset, DicomTags.Rows, "Rows");
        var columns = Required(dataset, DicomTags.Columns, "Columns");
        var samples = dataset.GetUInt16(DicomTags.SamplesPerPixel) ?? 1;
        if (rows == 0 || columns == 0)
        {
            throw DicomErrors.Malformed($"the image is {columns}x{rows} pixels");
        }

        if (samples is not (1 or 3))
        {
            throw DicomErrors.Unsupported($"{samples} samples per pixel");
        }

        var declared = (long)rows * columns * samples;
        if (declared > limits.MaxPixels)
        {
            throw new RadiographDecodeException(DecodeErrorCode.TooManyPixels, $"The DICOM image declares {columns}x{rows}x{samples} samples; the limit is {limits.MaxPixels}.");
        }

        var bitsAllocated = Required(dataset, DicomTags.BitsAllocated, "Bits Allocated");
        if (bitsAllocated is not (8 or 16))
        {
            throw DicomErrors.Unsupported($"Bits Allocated {bitsAllocated} (only 8 and 16 are decoded)");
        }

        var bitsStored = dataset.GetUInt16(DicomTags.BitsStored) ?? bitsAllocated;
        var highBit = dataset.GetUInt16(DicomTags.HighBit) ?? bitsStored - 1;
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated)
        {
            throw DicomErrors.Malformed($"Bits Stored {bitsStored} and High Bit {highBit} do not fit Bits Allocated {bitsAllocated}");
        }

        var photometric = dataset.GetString(DicomTags.PhotometricInterpretation) is { Length: > 0 } text ? text : DefaultPhotometric(samples);
        CheckPhotometric(photometric, samples);
        var frames = dataset.GetIntegerString(DicomTags.NumberOfFrames) ?? 1;
        if (frames < 1)
        {
            throw DicomErrors.Malformed($"Number of Frames is {frames}");
        }

        return new ImagePixelModule
        {
            Rows = rows,
            Columns = columns,
            SamplesPerPixel = samples,
            BitsAllocated = bitsAllocated,
            BitsStored = bitsStored,
            HighBit = highBit,
            IsSigned = dataset.GetUInt16(DicomTags.PixelRepresentation) == 1,
            Photometric = photometric,
            IsPlanar = samples > 1 && dataset.GetUInt16(DicomTags.PlanarConfiguration) == 1,
            Frames = frames,
        };
    }

    private static int Required(DicomDataset dataset, DicomTag tag, string name) =>
        dataset.GetUInt16(tag) ?? throw DicomErrors.Malformed($"the required attribute {name} {tag} is missing");

    // ACR-NEMA files predate Photometric Interpretation; their gray images are MONOCHROME2.
    private static string DefaultPhotometric(int samples) => samples == 1 ? "MONOCHROME2" : "RGB";

    private static void CheckPhotometric(string photometric, int samples)
    {
        var expectedSamples = photometric switch
        {
            "MONOCHROME1" or "MONOCHROME2" => 1,
            "RGB" or "YBR_FULL" or "YBR_FULL_422" => 3,
            _ => throw DicomErrors.Unsupported($"Photometric Interpretation {photometric}"),
        };
        if (expectedSamples != samples)
        {
            throw DicomErrors.Malformed($"Photometric Interpretation {photometric} with {samples} samples per pixel");
        }
    }
}
