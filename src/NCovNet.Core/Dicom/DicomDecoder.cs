using NCovNet.Core.Imaging;

namespace NCovNet.Core.Dicom;

/// <summary>
/// Decodes DICOM Part 10 (and preamble-less) files into a display-ready gray image: the first
/// frame's stored values go through the modality transform, the VOI transform and MONOCHROME1
/// inversion. Only technical attributes reach the metadata; patient-identifying attributes are
/// never read into it, nor into messages.
/// </summary>
public static class DicomDecoder
{
    /// <summary>True when the bytes start like a DICOM file ("DICM" at 128, or a plausible group 0002/0008 element at 0).</summary>
    public static bool LooksLikeDicom(ReadOnlySpan<byte> data) =>
        DicomSniffer.HasPreamble(data) || DicomSniffer.StartsWithElement(data);

    public static DecodedRadiograph Decode(byte[] data, DecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(limits);
        var (file, module, frame) = DicomImage.Read(data, limits);
        var notes = new List<string>(file.Notes);
        if (module.Frames > 1)
        {
            notes.Add($"multi-frame: first of {module.Frames} frames decoded");
        }

        float[] pixels;
        if (module.IsMonochrome)
        {
            (pixels, var renderNotes) = GrayscaleRenderer.Render(frame, module, file.Dataset);
            notes.AddRange(renderNotes);
        }
        else
        {
            pixels = ColorRenderer.Render(frame, module.BitsStored);
            notes.Add(ConversionNotes.ColorToLuma);
        }

        var metadata = new ImageMetadata
        {
            Format = "dicom",
            Width = module.Columns,
            Height = module.Rows,
            BitsStored = module.BitsStored,
            Photometric = module.Photometric,
            Modality = NullIfEmpty(file.Dataset.GetString(DicomTags.Modality)),
            ViewPosition = NullIfEmpty(file.Dataset.GetString(DicomTags.ViewPosition)),
            TransferSyntax = file.Syntax.Uid,
            Frames = module.Frames,
            PixelSha256 = frame.Sha256(module.BitsAllocated),
            Notes = notes,
        };
        return new DecodedRadiograph(new GrayImage(module.Columns, module.Rows, pixels), metadata);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
