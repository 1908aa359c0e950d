using NCovNet.Core.Imaging;

namespace NCovNet.Pipeline.Http;

/// <summary>Names the stored upload by its content (the core's signature sniffing), never by what the client claims.</summary>
public static class ImageFormatSniffer
{
    /// <summary>The file extension for the format (".png", ".jpg", ".dcm"), or null when it is none of them.</summary>
    public static string? Extension(ReadOnlySpan<byte> data) => RadiographFormatSniffer.Sniff(data) switch
    {
        RadiographFormat.Png => ".png",
        RadiographFormat.Jpeg => ".jpg",
        RadiographFormat.Dicom => ".dcm",
        _ => null,
    };
}
