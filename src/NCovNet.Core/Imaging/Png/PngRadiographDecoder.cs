using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Imaging.Png;

/// <summary>
/// Decodes PNG radiographs: gray (1-16 bit), gray + alpha, RGB, RGBA (8/16 bit) and palette.
/// Gray files keep their samples (16-bit stays 16-bit); colour files follow
/// <see cref="ColorPixelReader"/>'s rule.
/// </summary>
internal static class PngRadiographDecoder
{
    public const string FormatName = "png";

    private static readonly PngDecoder Decoder = new();

    public static DecodedRadiograph Decode(byte[] data, DecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(limits);
        PngStructure.Validate(data);
        var info = ImageSharpCodec.Identify(data, Decoder, FormatName, limits);
        var png = info.Metadata.GetPngMetadata();
        var colorType = png.ColorType ?? throw new RadiographDecodeException(DecodeErrorCode.Malformed, "The PNG header has no colour type.");
        var bitDepth = (int)(png.BitDepth ?? throw new RadiographDecodeException(DecodeErrorCode.Malformed, "The PNG header has no bit depth."));

        var conversion = Read(data, colorType, bitDepth, png.HasTransparency);
        var isColorFile = colorType is PngColorType.Rgb or PngColorType.RgbWithAlpha or PngColorType.Palette;
        var metadata = new ImageMetadata
        {
            Format = FormatName,
            Width = conversion.Image.Width,
            Height = conversion.Image.Height,
            BitsStored = colorType == PngColorType.Palette ? 8 : bitDepth,
            Photometric = Photometric(colorType),
            ColorWasGray = isColorFile && !conversion.HadColor,
            PixelSha256 = conversion.PixelSha256,
            Notes = ConversionNotes.For(conversion),
        };
        return new DecodedRadiograph(conversion.Image, metadata);
    }

    private static GrayConversion Read(byte[] data, PngColorType colorType, int bitDepth, bool hasTransparency)
    {
        if (colorType == PngColorType.Grayscale && !hasTransparency)
        {
            if (bitDepth == 16)
            {
                using var gray16 = ImageSharpCodec.Load<L16>(data, Decoder, FormatName);
                return GrayPixelReader.Read(gray16);
            }

            using var gray = ImageSharpCodec.Load<L8>(data, Decoder, FormatName);
            return GrayPixelReader.Read(gray, bitDepth);
        }

        var stored = colorType switch
        {
            PngColorType.Grayscale => StoredChannels.Gray,
            PngColorType.GrayscaleWithAlpha => StoredChannels.GrayAlpha,
            PngColorType.Rgb => StoredChannels.Rgb,
            _ => StoredChannels.Rgba,
        };
        if (bitDepth == 16)
        {
            using var color16 = ImageSharpCodec.Load<Rgba64>(data, Decoder, FormatName);
            return ColorPixelReader.Read(color16, stored);
        }

        var graySampleScale = colorType == PngColorType.Grayscale ? 255 / ((1 << bitDepth) - 1) : 1;
        using var color = ImageSharpCodec.Load<Rgba32>(data, Decoder, FormatName);
        return ColorPixelReader.Read(color, stored, graySampleScale);
    }

    private static string Photometric(PngColorType colorType) => colorType switch
    {
        PngColorType.Grayscale => "GRAY",
        PngColorType.GrayscaleWithAlpha => "GRAYA",
        PngColorType.Rgb => "RGB",
        PngColorType.RgbWithAlpha => "RGBA",
        PngColorType.Palette => "PALETTE",
        _ => throw new RadiographDecodeException(DecodeErrorCode.UnsupportedContent, $"PNG colour type {colorType} is not supported."),
    };
}
