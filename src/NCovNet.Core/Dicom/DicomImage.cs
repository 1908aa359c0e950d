using NCovNet.Core.Imaging;

namespace NCovNet.Core.Dicom;

/// <summary>A DICOM file read as far as its first frame's stored values: before any rescale, LUT, window or inversion.</summary>
internal sealed record DicomImage(DicomFile File, ImagePixelModule Module, StoredFrame FirstFrame)
{
    public static DicomImage Read(byte[] data, DecodeLimits limits)
    {
        var file = DicomFile.Read(data, limits);
        var pixelData = file.Dataset.Find(DicomTags.PixelData)
            ?? throw new RadiographDecodeException(DecodeErrorCode.NoPixelData, "The DICOM file has no Pixel Data (7FE0,0010).");
        var module = ImagePixelModule.Read(file.Dataset, limits);
        return new DicomImage(file, module, ReadFirstFrame(pixelData, module, file.Syntax));
    }

    private static StoredFrame ReadFirstFrame(DicomElement pixelData, ImagePixelModule module, TransferSyntax syntax)
    {
        switch (syntax.Pixels, pixelData)
        {
            case (PixelEncoding.Native, DicomValue value):
                var bigEndianWords = syntax.Encoding.BigEndian && value.Vr != DicomVr.OB;
                return NativePixelReader.ReadFirstFrame(value.Bytes.Span, module, bigEndianWords);
            case (PixelEncoding.Rle, DicomFragments fragments):
                // The RLE decoder always interleaves samples, whatever Planar Configuration says.
                var rle = RleDecoder.Decode(EncapsulatedFrame.First(fragments, module.Frames, syntax.Pixels), module);
                return NativePixelReader.ReadFirstFrame(rle, module with { IsPlanar = false }, bigEndianWords: false);
            case (PixelEncoding.JpegBaseline, DicomFragments fragments):
                return JpegBaselineDecoder.Decode(EncapsulatedFrame.First(fragments, module.Frames, syntax.Pixels), module);
            default:
                throw DicomErrors.Malformed($"Pixel Data is {(pixelData is DicomFragments ? "encapsulated" : "native")} but the transfer syntax is {syntax}");
        }
    }
}
