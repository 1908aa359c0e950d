using NCovNet.Core.Imaging;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Imaging.Jpeg;

/// <summary>JPEG decoding, split by concern: supported content here, unsupported and malformed input in the other part.</summary>
public sealed partial class JpegRadiographDecoderTests
{
    private static byte[] GrayJpeg()
    {
        using var source = GeneratedImages.Create(48, 32, (x, y) => new L8((byte)((x * 5) + y)));
        return GeneratedImages.Jpeg(source, JpegColorType.Luminance);
    }

    private static byte[] ColourJpeg()
    {
        using var source = GeneratedImages.ColourCard(48, 32);
        return GeneratedImages.Jpeg(source, JpegColorType.YCbCrRatio444);
    }

    [Fact]
    public void Gray_jpeg_is_one_8_bit_channel_close_to_the_source()
    {
        var decoded = RadiographDecoder.Decode(GrayJpeg());

        Assert.Equal(("jpeg", 48, 32, 8, "GRAY"), (decoded.Metadata.Format, decoded.Metadata.Width, decoded.Metadata.Height, decoded.Metadata.BitsStored, decoded.Metadata.Photometric));
        Assert.False(decoded.Metadata.ColorWasGray);
        Assert.Equal(((20 * 5) + 10) / 255f, decoded.Image[20, 10], 3 / 255f);
    }

    [Fact]
    public void Colour_jpeg_reports_rgb_and_converts_with_luma()
    {
        var decoded = RadiographDecoder.Decode(ColourJpeg());

        Assert.Equal(("RGB", false), (decoded.Metadata.Photometric, decoded.Metadata.ColorWasGray));
        Assert.Contains(ConversionNotes.ColorToLuma, decoded.Metadata.Notes);
        Assert.Matches("^[0-9a-f]{64}$", decoded.Metadata.PixelSha256);
    }

    [Fact]
    public void Decoding_is_deterministic_including_the_hash()
    {
        var jpeg = ColourJpeg();

        var first = RadiographDecoder.Decode(jpeg);
        var second = RadiographDecoder.Decode(jpeg);

        Assert.Equal(first.Metadata.PixelSha256, second.Metadata.PixelSha256);
        Assert.Equal(first.Image.Pixels, second.Image.Pixels);
    }
}
