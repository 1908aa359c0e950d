namespace NCovNet.Core.Imaging;

/// <summary>
/// What was learned about an input image while decoding it. Never holds patient-identifying
/// data: DICOM tags such as PatientName or PatientID are not copied here.
/// </summary>
public sealed record ImageMetadata
{
    /// <summary>"png", "jpeg" or "dicom".</summary>
    public required string Format { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>Bits per stored sample (8 or 16 for PNG/JPEG; DICOM BitsStored).</summary>
    public required int BitsStored { get; init; }

    /// <summary>DICOM photometric interpretation, or "GRAY", "GRAYA" (PNG gray + alpha), "RGB", "RGBA", "PALETTE" for PNG/JPEG.</summary>
    public required string Photometric { get; init; }

    /// <summary>DICOM Modality (e.g. "CR", "DX"); null for PNG/JPEG.</summary>
    public string? Modality { get; init; }

    /// <summary>DICOM View Position (e.g. "PA", "AP", "LL"); null when unknown.</summary>
    public string? ViewPosition { get; init; }

    /// <summary>DICOM transfer syntax UID; null for PNG/JPEG.</summary>
    public string? TransferSyntax { get; init; }

    /// <summary>Number of frames in the file; only the first is decoded.</summary>
    public int Frames { get; init; } = 1;

    /// <summary>True when a colour file turned out to hold a gray image (R = G = B).</summary>
    public bool ColorWasGray { get; init; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the stored pixel values of the first frame, before any
    /// rescale/LUT/inversion, as little-endian bytes of the stored type, row-major. PNG/JPEG:
    /// the file's channels interleaved in file order (palette expanded to RGBA); docs/imaging.md.
    /// </summary>
    public string? PixelSha256 { get; init; }

    /// <summary>Notes a reader should see (e.g. "multi-frame: first of 3 frames decoded").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
