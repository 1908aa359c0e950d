using NCovNet.Core.Heatmaps;
using NCovNet.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Heatmaps;

public sealed class HeatmapRendererTests
{
    private static readonly Rgb24[] Palette = Enumerable.Range(0, 256).Select(i => new Rgb24((byte)i, (byte)(255 - i), 40)).ToArray();

    private static readonly GrayImage Radiograph = new(5, 3, Enumerable.Range(0, 15).Select(i => i / 14f).ToArray());

    private static readonly byte[] Map = Enumerable.Range(0, 15).Select(i => (byte)(i * 17)).ToArray();

    [Fact]
    public void Overlay_is_an_rgb_png_and_map_a_gray_png_of_the_original_size()
    {
        var images = HeatmapRenderer.Render(Radiograph, Map, Palette, 0.4);

        var overlay = Image.Identify(images.OverlayPng);
        Assert.Equal((5, 3), (overlay.Width, overlay.Height));
        Assert.Equal(PngColorType.Rgb, overlay.Metadata.GetPngMetadata().ColorType);
        var map = Image.Identify(images.MapPng);
        Assert.Equal((5, 3), (map.Width, map.Height));
        Assert.Equal(PngColorType.Grayscale, map.Metadata.GetPngMetadata().ColorType);
        Assert.Equal(PngBitDepth.Bit8, map.Metadata.GetPngMetadata().BitDepth);
    }

    [Fact]
    public void Map_png_holds_the_map_values()
    {
        var images = HeatmapRenderer.Render(Radiograph, Map, Palette, 0.4);

        using var map = Image.Load<L8>(images.MapPng);
        for (var i = 0; i < Map.Length; i++)
        {
            Assert.Equal(Map[i], map[i % 5, i / 5].PackedValue);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.4)]
    [InlineData(1.0)]
    public void Overlay_blends_gray_and_palette_by_the_opacity(double opacity)
    {
        var images = HeatmapRenderer.Render(Radiograph, Map, Palette, opacity);

        using var overlay = Image.Load<Rgb24>(images.OverlayPng);
        for (var i = 0; i < Map.Length; i++)
        {
            var gray = (1 - opacity) * Radiograph.Pixels[i] * 255;
            var colour = Palette[Map[i]];
            var pixel = overlay[i % 5, i / 5];
            Assert.Equal(gray + (opacity * colour.R), pixel.R, 0.501);
            Assert.Equal(gray + (opacity * colour.G), pixel.G, 0.501);
            Assert.Equal(gray + (opacity * colour.B), pixel.B, 0.501);
        }
    }

    [Fact]
    public void A_map_of_another_size_or_an_opacity_outside_0_1_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => HeatmapRenderer.Render(Radiograph, new byte[14], Palette, 0.4));
        Assert.Throws<ArgumentOutOfRangeException>(() => HeatmapRenderer.Render(Radiograph, Map, Palette, 1.5));
    }
}
