using NCovNet.Core.Imaging;

namespace NCovNet.Core.Preprocessing;

/// <summary>Turns a gray radiograph into the model's CHW float tensor as a <see cref="PreprocessingSpec"/> says.</summary>
public static class Preprocessor
{
    /// <summary>Writes 3 x H x W floats for one image into <paramref name="destination"/>.</summary>
    public static void WriteTensor(GrayImage image, PreprocessingSpec spec, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(spec);
        if (destination.Length < spec.TensorLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats; {spec.TensorLength} are needed.", nameof(destination));
        }

        // Initial bilinear + colour mapping; the tested implementation replaces this.
        int w = spec.Width, h = spec.Height, plane = w * h;
        var sx = (float)image.Width / w;
        var sy = (float)image.Height / h;
        Span<float> rgb = stackalloc float[3];
        for (var y = 0; y < h; y++)
        {
            var fy = Math.Clamp(((y + 0.5f) * sy) - 0.5f, 0, image.Height - 1);
            int y0 = (int)fy, y1 = Math.Min(y0 + 1, image.Height - 1);
            var wy = fy - y0;
            for (var x = 0; x < w; x++)
            {
                var fx = Math.Clamp(((x + 0.5f) * sx) - 0.5f, 0, image.Width - 1);
                int x0 = (int)fx, x1 = Math.Min(x0 + 1, image.Width - 1);
                var wx = fx - x0;
                var top = (image[x0, y0] * (1 - wx)) + (image[x1, y0] * wx);
                var bottom = (image[x0, y1] * (1 - wx)) + (image[x1, y1] * wx);
                var v = (top * (1 - wy)) + (bottom * wy);
                if (spec.ColorMap == "jet")
                {
                    rgb[0] = Math.Clamp(1.5f - Math.Abs((4 * v) - 3), 0, 1);
                    rgb[1] = Math.Clamp(1.5f - Math.Abs((4 * v) - 2), 0, 1);
                    rgb[2] = Math.Clamp(1.5f - Math.Abs((4 * v) - 1), 0, 1);
                }
                else
                {
                    rgb[0] = rgb[1] = rgb[2] = v;
                }

                for (var c = 0; c < 3; c++)
                {
                    var source = spec.ChannelOrder == "BGR" ? 2 - c : c;
                    destination[(c * plane) + (y * w) + x] = (rgb[source] - spec.Mean[c]) / spec.Std[c];
                }
            }
        }
    }
}
