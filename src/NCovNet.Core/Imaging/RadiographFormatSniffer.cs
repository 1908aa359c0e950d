using NCovNet.Core.Dicom;
using NCovNet.Core.Imaging.Png;

namespace NCovNet.Core.Imaging;

/// <summary>Recognises the container format from its signature bytes, never from a file name.</summary>
public static class RadiographFormatSniffer
{
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>
    /// Input shorter than a signature but equal to its start counts as that format, so that
    /// a file cut after a few bytes is reported as truncated rather than unknown.
    /// </summary>
    public static RadiographFormat Sniff(ReadOnlySpan<byte> data)
    {
        if (DicomDecoder.LooksLikeDicom(data))
        {
            return RadiographFormat.Dicom;
        }

        if (StartsWithSignature(data, PngStructure.Signature))
        {
            return RadiographFormat.Png;
        }

        if (StartsWithSignature(data, JpegSignature))
        {
            return RadiographFormat.Jpeg;
        }

        return RadiographFormat.Unknown;
    }

    private static bool StartsWithSignature(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        data.Length >= signature.Length
            ? data.StartsWith(signature)
            : data.Length > 0 && signature.StartsWith(data);
}
