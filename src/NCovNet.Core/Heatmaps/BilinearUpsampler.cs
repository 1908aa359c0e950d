using System.Numerics;

namespace NCovNet.Core.Heatmaps;

/// <summary>
/// Bilinear upsampling of a small <see cref="CamMap"/> straight to 8-bit values at the original
/// image size, with half-pixel centres and edge clamping (PyTorch's align_corners=False,
/// OpenCV's INTER_LINEAR). Separable: each cam row is interpolated across once, then every
/// output row is a SIMD blend of two such rows, so the cost is a few operations per pixel.
/// </summary>
public static class BilinearUpsampler
{
    /// <summary>Writes round(255 * value) for each of <paramref name="width"/> x <paramref name="height"/> pixels, row-major.</summary>
    public static void Upsample(CamMap map, int width, int height, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (destination.Length < (long)width * height)
        {
            throw new ArgumentException($"Destination holds {destination.Length} bytes; {(long)width * height} are needed.", nameof(destination));
        }

        var rows = InterpolateRows(map, width);
        var scale = (float)map.Height / height;
        for (var y = 0; y < height; y++)
        {
            var (y0, y1, weight) = Sample(y, scale, map.Height);
            BlendRow(rows.AsSpan(y0 * width, width), rows.AsSpan(y1 * width, width), weight, destination.Slice(y * width, width));
        }
    }

    /// <summary>Each cam row interpolated to the output width and scaled to [0, 255].</summary>
    private static float[] InterpolateRows(CamMap map, int width)
    {
        var rows = new float[map.Height * width];
        var scale = (float)map.Width / width;
        for (var x = 0; x < width; x++)
        {
            var (x0, x1, weight) = Sample(x, scale, map.Width);
            for (var y = 0; y < map.Height; y++)
            {
                var left = map[x0, y];
                rows[(y * width) + x] = 255f * (left + ((map[x1, y] - left) * weight));
            }
        }

        return rows;
    }

    private static (int Low, int High, float Weight) Sample(int index, float scale, int sourceLength)
    {
        var position = Math.Max(((index + 0.5f) * scale) - 0.5f, 0f);
        var low = Math.Min((int)position, sourceLength - 1);
        var high = Math.Min(low + 1, sourceLength - 1);
        return (low, high, position - low);
    }

    private static void BlendRow(ReadOnlySpan<float> top, ReadOnlySpan<float> bottom, float weight, Span<byte> destination)
    {
        var x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = Vector<float>.Count;
            var w = new Vector<float>(weight);
            var half = new Vector<float>(0.5f);
            for (; x <= destination.Length - (4 * lanes); x += 4 * lanes)
            {
                var a = Vector.ConvertToInt32(Blend(top, bottom, w, half, x));
                var b = Vector.ConvertToInt32(Blend(top, bottom, w, half, x + lanes));
                var c = Vector.ConvertToInt32(Blend(top, bottom, w, half, x + (2 * lanes)));
                var d = Vector.ConvertToInt32(Blend(top, bottom, w, half, x + (3 * lanes)));
                var bytes = Vector.Narrow(Vector.Narrow(a, b), Vector.Narrow(c, d));
                Vector.AsVectorByte(bytes).CopyTo(destination[x..]);
            }
        }

        for (; x < destination.Length; x++)
        {
            destination[x] = (byte)(top[x] + ((bottom[x] - top[x]) * weight) + 0.5f);
        }
    }

    private static Vector<float> Blend(ReadOnlySpan<float> top, ReadOnlySpan<float> bottom, Vector<float> weight, Vector<float> half, int offset)
    {
        var a = new Vector<float>(top[offset..]);
        var b = new Vector<float>(bottom[offset..]);
        return a + ((b - a) * weight) + half;
    }
}
