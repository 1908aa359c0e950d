using NCovNet.Core.Dicom;

namespace NCovNet.Pipeline.Http;

/// <summary>Tells by its first bytes whether an upload is a PNG, JPEG or DICOM file, and which.</summary>
public static class ImageFormatSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>The file extension for the format (".png", ".jpg", ".dcm"), or null when it is none of them.</summary>
    public static string? Extension(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
        {
            return ".png";
        }

        if (data.StartsWith(JpegSignature))
        {
            return ".jpg";
        }

        return DicomDecoder.LooksLikeDicom(data) || LooksLikePreamblelessDicom(data) ? ".dcm" : null;
    }

    // ACR-NEMA style files start directly with a group 0x0002 or 0x0008 element (little endian).
    private static bool LooksLikePreamblelessDicom(ReadOnlySpan<byte> data) =>
        data.Length >= 8 && data[1] == 0 && data[0] is 0x02 or 0x08 && data[3] == 0;
}
