using System.Buffers.Binary;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Imaging.Png;

public sealed partial class PngRadiographDecoderTests
{
    [Theory]
    [InlineData(PngInterlaceMode.None)]
    [InlineData(PngInterlaceMode.Adam7)]
    public void Sixteen_bit_gray_keeps_every_16_bit_level(PngInterlaceMode interlace)
    {
        using var source = GeneratedImages.Gray16(40, 30);
        var expectedSamples = new byte[40 * 30 * 2];
        for (var y = 0; y < 30; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(expectedSamples.AsSpan(((y * 40) + x) * 2), source[x, y].PackedValue);
            }
        }

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.Grayscale, PngBitDepth.Bit16, interlace));

        Assert.Equal((40, 30, 16, "GRAY"), (decoded.Metadata.Width, decoded.Metadata.Height, decoded.Metadata.BitsStored, decoded.Metadata.Photometric));
        Assert.False(decoded.Metadata.ColorWasGray);
        Assert.Empty(decoded.Metadata.Notes);
        Assert.Equal(Sha256(expectedSamples), decoded.Metadata.PixelSha256);
        for (var y = 0; y < 30; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                Assert.Equal(source[x, y].PackedValue / 65535f, decoded.Image[x, y]);
            }
        }
    }

    [Fact]
    public void Eight_bit_gray_hashes_its_bytes_row_major()
    {
        using var source = GeneratedImages.Create(7, 5, (x, y) => new L8((byte)((x * 36) + y)));
        var expectedSamples = Enumerable.Range(0, 35).Select(i => (byte)(((i % 7) * 36) + (i / 7))).ToArray();

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.Grayscale, PngBitDepth.Bit8));

        Assert.Equal((8, "GRAY"), (decoded.Metadata.BitsStored, decoded.Metadata.Photometric));
        Assert.Equal(Sha256(expectedSamples), decoded.Metadata.PixelSha256);
        Assert.Equal(((6 * 36) + 4) / 255f, decoded.Image[6, 4]);
    }

    [Theory]
    [InlineData(PngBitDepth.Bit1, 1)]
    [InlineData(PngBitDepth.Bit2, 3)]
    [InlineData(PngBitDepth.Bit4, 15)]
    public void Low_bit_gray_reports_its_depth_and_hashes_the_stored_levels(PngBitDepth depth, int maxLevel)
    {
        var scale = 255 / maxLevel;
        using var source = GeneratedImages.Create(16, 3, (x, y) => new L8((byte)((x % (maxLevel + 1)) * scale)));
        var expectedSamples = Enumerable.Range(0, 48).Select(i => (byte)(i % 16 % (maxLevel + 1))).ToArray();

        var decoded = Decode(GeneratedImages.Png(source, PngColorType.Grayscale, depth));

        Assert.Equal((int)depth, decoded.Metadata.BitsStored);
        Assert.Equal(Sha256(expectedSamples), decoded.Metadata.PixelSha256);
        Assert.Equal(1f, decoded.Image[maxLevel, 0]);
        Assert.Equal(0f, decoded.Image[0, 2]);
    }
}
