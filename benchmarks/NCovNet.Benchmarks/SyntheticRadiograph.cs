using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Benchmarks;

/// <summary>Deterministic synthetic radiograph-like images for benchmarks.</summary>
public static class SyntheticRadiograph
{
    /// <summary>A 16-bit gray PNG: a bright oval "body" with two darker "lungs" and mild noise.</summary>
    public static byte[] EncodePng16(int width, int height)
    {
        var random = new Random(20200401);
        using var image = new Image<L16>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var ny = (2.0 * y / height) - 1;
                for (var x = 0; x < row.Length; x++)
                {
                    var nx = (2.0 * x / width) - 1;
                    var body = Math.Max(0, 1 - ((nx * nx / 0.8) + (ny * ny / 0.95)));
                    var lungs = Math.Max(0, 0.6 - ((Math.Abs(nx) - 0.35) * (Math.Abs(nx) - 0.35) * 8) - (ny * ny * 1.2));
                    var value = (0.15 + (0.7 * body) - (0.4 * lungs)) * 65535 + random.Next(-600, 600);
                    row[x] = new L16((ushort)Math.Clamp(value, 0, 65535));
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new PngEncoder { BitDepth = PngBitDepth.Bit16, ColorType = PngColorType.Grayscale });
        return stream.ToArray();
    }
}
