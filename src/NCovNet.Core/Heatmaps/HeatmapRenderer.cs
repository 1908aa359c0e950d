using System.Runtime.CompilerServices;
using NCovNet.Core.Imaging;
using NCovNet.Core.Imaging.Png;
using NCovNet.Core.Scanning;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Heatmaps;

/// <summary>
/// Draws an upsampled Grad-CAM map as (a) a colour overlay on the radiograph,
/// (1 - opacity) * gray + opacity * palette[map], and (b) the map itself as 8-bit gray.
/// Both PNGs have the original image's size.
/// </summary>
public static class HeatmapRenderer
{
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        int width = radiograph.Width, height = radiograph.Height;
        using var png = new PngWriter(width, height, channels: 3);
        var row = new byte[png.RowLength];
        for (var y = 0; y < height; y++)
        {
            var offset = y * width;
            for (var x = 0; x < width; x++)
            {
                var g = Math.Clamp(gray[offset + x], 0f, 1f) * grayWeight;
                var m = map[offset + x];
                row[3 * x] = (byte)(g + red[m]);
                row[(3 * x) + 1] = (byte)(g + green[m]);
                row[(3 * x) + 2] = (byte)(g + blue[m]);
            }

            png.WriteRow(row);
        }

        return png.ToArray();
    }

    private static byte[] EncodeMap(ReadOnlySpan<byte> map, int width, int height)
    {
        using var png = new PngWriter(width, height, channels: 1);
        for (var y = 0; y < height; y++)
        {
            png.WriteRow(map.Slice(y * width, width));
        }

        return png.ToArray();
    }
}
