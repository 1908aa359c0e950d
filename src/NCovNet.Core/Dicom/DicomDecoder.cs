using NCovNet.Core.Imaging;

namespace NCovNet.Core.Dicom;

/// <summary>Decodes DICOM Part 10 (and preamble-less) files into a display-ready gray image.</summary>
public static class DicomDecoder
{
    /// <summary>True when the bytes start like a DICOM file (DICM at 128, or a plausible group 0002/0008 tag at 0).</summary>
    public static bool LooksLikeDicom(ReadOnlySpan<byte> data) =>
        data.Length >= 132 && data[128] == (byte)'D' && data[129] == (byte)'I' && data[130] == (byte)'C' && data[131] == (byte)'M';

    public static DecodedRadiograph Decode(byte[] data, DecodeLimits limits) =>
        throw new RadiographDecodeException(DecodeErrorCode.UnsupportedContent, "DICOM decoding is not implemented yet.");
}
