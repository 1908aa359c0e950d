using NCovNet.Core.Heatmaps;
using NCovNet.Core.Imaging;
using NCovNet.Core.Imaging.Png;
using NCovNet.Core.Preprocessing;
using NCovNet.Tests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Imaging.Png;

public sealed class PngWriterTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 40)]
    [InlineData(7, 3)]
    [InlineData(33, 17)]
    [InlineData(300, 5)]
    public void Rgb_rows_decode_back_to_the_same_pixels_with_an_rgb_colour_type(int width, int height)
    {
        var pixels = RandomBytes(width * height * 3, seed: width + height);

        var png = Write(pixels, width, height, channels: 3);

        Assert.Equal(PngColorType.Rgb, Image.Identify(png).Metadata.GetPngMetadata().ColorType);
        using var image = Image.Load<Rgb24>(png);
        var decoded = new byte[pixels.Length];
        image.CopyPixelDataTo(decoded);
        Assert.Equal(pixels, decoded);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(97, 13)]
    public void Gray_rows_decode_back_to_the_same_pixels_with_a_gray_colour_type(int width, int height)
    {
        var pixels = RandomBytes(width * height, seed: width * height);

        var png = Write(pixels, width, height, channels: 1);

        var metadata = Image.Identify(png).Metadata.GetPngMetadata();
        Assert.Equal((PngColorType.Grayscale, PngBitDepth.Bit8), (metadata.ColorType, metadata.BitDepth));
        using var image = Image.Load<L8>(png);
        var decoded = new byte[pixels.Length];
        image.CopyPixelDataTo(decoded);
        Assert.Equal(pixels, decoded);
    }

    [Fact]
    public void The_heatmaps_of_a_real_radiograph_decode_to_its_size_and_the_exact_map()
    {
        var radiograph = RadiographDecoder.Decode(File.ReadAllBytes(Path.Combine(SharedData.Cxr, "images", "000001-2.jpg"))).Image;
        var map = new byte[radiograph.Width * radiograph.Height];
        BilinearUpsampler.Upsample(CamMap.FromCam([.. Enumerable.Range(0, 49).Select(i => MathF.Sin(i))], 7, 7), radiograph.Width, radiograph.Height, map);

        var heatmaps = HeatmapRenderer.Render(radiograph, map, JetColorMap.Table, 0.4);

        using var overlay = Image.Load<Rgb24>(heatmaps.OverlayPng);
        Assert.Equal((radiograph.Width, radiograph.Height), (overlay.Width, overlay.Height));
        using var gray = Image.Load<L8>(heatmaps.MapPng);
        var decoded = new byte[map.Length];
        gray.CopyPixelDataTo(decoded);
        Assert.Equal(map, decoded);
    }

    [Fact]
    public void A_wrong_row_length_a_row_too_many_or_a_missing_row_is_refused()
    {
        using var png = new PngWriter(4, 2, channels: 3);
        Assert.Throws<ArgumentException>(() => png.WriteRow(new byte[11]));
        png.WriteRow(new byte[12]);
        Assert.Throws<InvalidOperationException>(() => png.ToArray());
        png.WriteRow(new byte[12]);
        Assert.Throws<InvalidOperationException>(() => png.WriteRow(new byte[12]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PngWriter(4, 2, channels: 2));
    }

    private static byte[] Write(byte[] pixels, int width, int height, int channels)
    {
        using var png = new PngWriter(width, height, channels);
        for (var y = 0; y < height; y++)
        {
            png.WriteRow(pixels.AsSpan(y * png.RowLength, png.RowLength));
        }

        return png.ToArray();
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
