using NCovNet.Core.Imaging;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Imaging.Png;

public sealed partial class PngRadiographDecoderTests
{
    [Fact]
    public void Rgb_file_holding_gray_becomes_one_channel_with_exact_values()
    {
        using var source = GeneratedImages.Create(16, 8, (x, y) => new Rgb24((byte)(x * 16), (byte)(x * 16), (byte)(x * 16)));

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.Rgb, PngBitDepth.Bit8));

        Assert.Equal(("RGB", 8, true), (decoded.Metadata.Photometric, decoded.Metadata.BitsStored, decoded.Metadata.ColorWasGray));
        Assert.Empty(decoded.Metadata.Notes);
        Assert.Equal(240 / 255f, decoded.Image[15, 3]);
    }

    [Fact]
    public void Truly_coloured_rgb_uses_bt601_luma()
    {
        using var source = GeneratedImages.Create(4, 4, (x, y) => x == 0 ? new Rgb24(200, 100, 50) : new Rgb24(90, 90, 90));
        byte[] samples = [.. Enumerable.Range(0, 16).SelectMany(i => i % 4 == 0 ? new byte[] { 200, 100, 50 } : [90, 90, 90])];

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.Rgb, PngBitDepth.Bit8));

        Assert.False(decoded.Metadata.ColorWasGray);
        Assert.Contains(ConversionNotes.ColorToLuma, decoded.Metadata.Notes);
        Assert.Equal(((0.299f * 200) + (0.587f * 100) + (0.114f * 50)) / 255f, decoded.Image[0, 2], 1e-6f);
        Assert.Equal(90 / 255f, decoded.Image[1, 2]);
        Assert.Equal(Sha256(samples), decoded.Metadata.PixelSha256);
    }

    [Fact]
    public void Rgba_alpha_is_composited_over_black_and_hashed_with_the_colour()
    {
        using var source = GeneratedImages.Create(2, 1, (x, y) => x == 0 ? new Rgba32(200, 200, 200, 255) : new Rgba32(200, 200, 200, 51));

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.RgbWithAlpha, PngBitDepth.Bit8));

        Assert.Equal(("RGBA", true), (decoded.Metadata.Photometric, decoded.Metadata.ColorWasGray));
        Assert.Equal([ConversionNotes.AlphaOverBlack], decoded.Metadata.Notes);
        Assert.Equal(200 / 255f, decoded.Image[0, 0]);
        Assert.Equal(200 / 255f * (51 / 255f), decoded.Image[1, 0]);
        Assert.Equal(Sha256([200, 200, 200, 255, 200, 200, 200, 51]), decoded.Metadata.PixelSha256);
    }

    [Fact]
    public void Gray_with_alpha_is_reported_as_graya_and_composited()
    {
        using var source = GeneratedImages.Create(2, 1, (x, y) => new La16(100, (byte)(x == 0 ? 255 : 0)));

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.GrayscaleWithAlpha, PngBitDepth.Bit8));

        Assert.Equal(("GRAYA", 8, false), (decoded.Metadata.Photometric, decoded.Metadata.BitsStored, decoded.Metadata.ColorWasGray));
        Assert.Equal([100 / 255f, 0f], decoded.Image.Pixels);
        Assert.Equal(Sha256([100, 255, 100, 0]), decoded.Metadata.PixelSha256);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Palette_is_expanded_and_follows_the_colour_rule(bool withColour)
    {
        using var source = GeneratedImages.Create(8, 2, (x, y) => withColour && x == 7 ? new Rgba32(255, 0, 0) : new Rgba32((byte)(x * 30), (byte)(x * 30), (byte)(x * 30)));

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.Palette, PngBitDepth.Bit8));

        Assert.Equal(("PALETTE", 8), (decoded.Metadata.Photometric, decoded.Metadata.BitsStored));
        Assert.Equal(!withColour, decoded.Metadata.ColorWasGray);
        Assert.Equal(120 / 255f, decoded.Image[4, 1]);
        Assert.Equal(withColour ? 0.299f : 210 / 255f, decoded.Image[7, 0], 1e-6f);
    }

    [Fact]
    public void Sixteen_bit_rgb_holding_gray_keeps_16_bit_levels()
    {
        using var source = GeneratedImages.Create(3, 2, (x, y) => new Rgb48((ushort)(x * 20001), (ushort)(x * 20001), (ushort)(x * 20001)));

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.Rgb, PngBitDepth.Bit16));

        Assert.Equal(("RGB", 16, true), (decoded.Metadata.Photometric, decoded.Metadata.BitsStored, decoded.Metadata.ColorWasGray));
        Assert.Equal(40002 / 65535f, decoded.Image[2, 1]);
    }

    [Fact]
    public void Sixteen_bit_rgba_truly_coloured_uses_luma_at_16_bits()
    {
        using var source = GeneratedImages.Create(1, 1, (x, y) => new Rgba64(60000, 30000, 1000, 65535));

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.RgbWithAlpha, PngBitDepth.Bit16));

        Assert.Equal(("RGBA", 16, false), (decoded.Metadata.Photometric, decoded.Metadata.BitsStored, decoded.Metadata.ColorWasGray));
        Assert.Equal(((0.299f * 60000) + (0.587f * 30000) + (0.114f * 1000)) / 65535f, decoded.Image[0, 0], 1e-6f);
        Assert.Equal(Sha256([0x60, 0xEA, 0x30, 0x75, 0xE8, 0x03, 0xFF, 0xFF]), decoded.Metadata.PixelSha256);
    }
}
