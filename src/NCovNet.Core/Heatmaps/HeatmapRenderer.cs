using NCovNet.Core.Imaging;
using NCovNet.Core.Scanning;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Heatmaps;

/// <summary>
/// Draws an upsampled Grad-CAM map as (a) a colour overlay on the radiograph,
/// (1 - opacity) * gray + opacity * palette[map], and (b) the map itself as 8-bit gray.
/// Both PNGs have the original image's size.
/// </summary>
public static class HeatmapRenderer
{
    // ImageSharp keeps a gray source's colour type unless told otherwise; the overlay is colour.
    private static readonly PngEncoder OverlayEncoder = new()
    {
        ColorType = PngColorType.Rgb,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.BestSpeed,
    };

    private static readonly PngEncoder MapEncoder = new()
    {
        ColorType = PngColorType.Grayscale,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.BestSpeed,
    };

    /// <param name="radiograph">The decoded original.</param>
    /// <param name="map">Row-major 8-bit map of the radiograph's size.</param>
    /// <param name="palette">256 colours for map values 0..255 (the JET table).</param>
    /// <param name="opacity">Weight of the palette colour, in [0, 1].</param>
    public static HeatmapImages Render(GrayImage radiograph, ReadOnlySpan<byte> map, ReadOnlySpan<Rgb24> palette, double opacity)
    {
        ArgumentNullException.ThrowIfNull(radiograph);
        ArgumentOutOfRangeException.ThrowIfLessThan(opacity, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(opacity, 1);
        if (palette.Length != 256)
        {
            throw new ArgumentException($"A palette has 256 colours, not {palette.Length}.", nameof(palette));
        }

        int width = radiograph.Width, height = radiograph.Height;
        if (map.Length != width * height)
        {
            throw new ArgumentException($"The map has {map.Length} values; the {width}x{height} radiograph needs {width * height}.", nameof(map));
        }

        return new HeatmapImages(EncodeOverlay(radiograph, map, palette, (float)opacity), EncodeMap(map, width, height));
    }

    private static byte[] EncodeOverlay(GrayImage radiograph, ReadOnlySpan<byte> map, ReadOnlySpan<Rgb24> palette, float opacity)
    {
        // Pre-weighted colours and gray levels turn each pixel into three additions.
        Span<float> red = stackalloc float[256], green = stackalloc float[256], blue = stackalloc float[256];
        for (var i = 0; i < 256; i++)
        {
            red[i] = (opacity * palette[i].R) + 0.5f;
            green[i] = (opacity * palette[i].G) + 0.5f;
            blue[i] = (opacity * palette[i].B) + 0.5f;
        }

        var grayWeight = (1 - opacity) * 255f;
        var gray = radiograph.Pixels;
        using var image = new Image<Rgb24>(radiograph.Width, radiograph.Height);
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.DangerousGetPixelRowMemory(y).Span;
            var offset = y * image.Width;
            for (var x = 0; x < row.Length; x++)
            {
                var g = Math.Clamp(gray[offset + x], 0f, 1f) * grayWeight;
                var m = map[offset + x];
                row[x] = new Rgb24((byte)(g + red[m]), (byte)(g + green[m]), (byte)(g + blue[m]));
            }
        }

        return Encode(image, OverlayEncoder);
    }

    private static byte[] EncodeMap(ReadOnlySpan<byte> map, int width, int height)
    {
        using var image = Image.LoadPixelData<L8>(map, width, height);
        return Encode(image, MapEncoder);
    }

    private static byte[] Encode(Image image, PngEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, encoder);
        return stream.ToArray();
    }
}
