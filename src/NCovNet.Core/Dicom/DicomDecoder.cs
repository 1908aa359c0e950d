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
        var file = DicomFile.Read(data, limits);
        var dataset = file.Dataset;
        var pixelData = dataset.Find(DicomTags.PixelData)
            ?? throw new RadiographDecodeException(DecodeErrorCode.NoPixelData, "The DICOM file has no Pixel Data (7FE0,0010).");
        var module = ImagePixelModule.Read(dataset, limits);
        var frame = ReadFirstFrame(pixelData, module, file.Syntax);
        var notes = new List<string>(file.Notes);
        if (module.Frames > 1)
        {
            notes.Add($"multi-frame: first of {module.Frames} frames decoded");
        }

        float[] pixels;
        if (module.IsMonochrome)
        {
            (pixels, var renderNotes) = GrayscaleRenderer.Render(frame, module, dataset);
            notes.AddRange(renderNotes);
        }
        else
        {
            pixels = ColorRenderer.Render(frame, module.BitsStored);
            notes.Add($"{module.Photometric} converted to gray with BT.601 luma (0.299 R + 0.587 G + 0.114 B)");
        }

        var metadata = new ImageMetadata
        {
            Format = "dicom",
            Width = module.Columns,
            Height = module.Rows,
            BitsStored = module.BitsStored,
            Photometric = module.Photometric,
            Modality = NullIfEmpty(dataset.GetString(DicomTags.Modality)),
            ViewPosition = NullIfEmpty(dataset.GetString(DicomTags.ViewPosition)),
            TransferSyntax = file.Syntax.Uid,
            Frames = module.Frames,
            PixelSha256 = frame.Sha256(module.BitsAllocated),
            Notes = notes,
        };
        return new DecodedRadiograph(new GrayImage(module.Columns, module.Rows, pixels), metadata);
    }

    private static StoredFrame ReadFirstFrame(DicomElement pixelData, ImagePixelModule module, TransferSyntax syntax)
    {
        switch (syntax.Pixels, pixelData)
        {
            case (PixelEncoding.Native, DicomValue value):
                var bigEndianWords = syntax.Encoding.BigEndian && value.Vr != DicomVr.OB;
                return NativePixelReader.ReadFirstFrame(value.Bytes.Span, module, bigEndianWords);
            case (PixelEncoding.Rle, DicomFragments fragments):
                var rle = RleDecoder.Decode(EncapsulatedFrame.First(fragments, module.Frames, syntax.Pixels), module);
                return NativePixelReader.ReadFirstFrame(rle, module with { IsPlanar = false }, bigEndianWords: false);
            case (PixelEncoding.JpegBaseline, DicomFragments fragments):
                return JpegBaselineDecoder.Decode(EncapsulatedFrame.First(fragments, module.Frames, syntax.Pixels), module);
            default:
                throw DicomErrors.Malformed($"Pixel Data is {(pixelData is DicomFragments ? "encapsulated" : "native")} but the transfer syntax is {syntax}");
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
