using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Imaging.Jpeg;

/// <summary>
/// Decodes 8-bit Huffman-coded JPEG (baseline, extended, progressive) with one (gray) or three
/// (YCbCr/RGB) components. Colour follows <see cref="ColorPixelReader"/>'s rule; lossless,
/// arithmetic-coded, hierarchical, 12-bit and CMYK files are reported as unsupported.
/// </summary>
internal static class JpegRadiographDecoder
{
    public const string FormatName = "jpeg";

    private static readonly JpegDecoder Decoder = new();

    public static DecodedRadiograph Decode(byte[] data, DecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(limits);
        var frame = JpegStructure.Read(data);
        EnsureSupported(frame);
        ImageSharpCodec.Identify(data, Decoder, FormatName, limits);

        var conversion = Read(data, frame.Components);
        var metadata = new ImageMetadata
        {
            Format = FormatName,
            Width = conversion.Image.Width,
            Height = conversion.Image.Height,
            BitsStored = frame.Precision,
            Photometric = frame.Components == 1 ? "GRAY" : "RGB",
            ColorWasGray = frame.Components == 3 && !conversion.HadColor,
            PixelSha256 = conversion.PixelSha256,
            Notes = ConversionNotes.For(conversion),
        };
        return new DecodedRadiograph(conversion.Image, metadata);
    }

    private static void EnsureSupported(JpegFrameHeader frame)
    {
        if (!frame.IsHuffmanDct)
        {
            throw new RadiographDecodeException(DecodeErrorCode.UnsupportedContent, $"{frame.ProcessName} JPEG (SOF marker 0x{frame.Marker:X2}) is not supported.");
        }

        if (frame.Precision != 8)
        {
            throw new RadiographDecodeException(DecodeErrorCode.UnsupportedContent, $"{frame.Precision}-bit JPEG is not supported; only 8-bit samples are.");
        }

        if (frame.Components is not (1 or 3))
        {
            throw new RadiographDecodeException(DecodeErrorCode.UnsupportedContent, $"JPEG with {frame.Components} components (e.g. CMYK) is not supported; only gray and YCbCr/RGB are.");
        }
    }

    private static GrayConversion Read(byte[] data, int components)
    {
        if (components == 1)
        {
            using var gray = ImageSharpCodec.Load<L8>(data, Decoder, FormatName);
            return GrayPixelReader.Read(gray, bitDepth: 8);
        }

        using var color = ImageSharpCodec.Load<Rgba32>(data, Decoder, FormatName);
        return ColorPixelReader.Read(color, StoredChannels.Rgb);
    }
}
