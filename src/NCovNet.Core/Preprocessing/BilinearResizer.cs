using NCovNet.Core.Imaging;

namespace NCovNet.Core.Preprocessing;

/// <summary>
/// Bilinear resize with pixel-centre alignment and edge clamping, the convention of OpenCV's
/// INTER_LINEAR and PyTorch's interpolate(align_corners=False) without antialiasing: source
/// x = (x + 0.5) * scale - 0.5. Indices and weights are computed once per column and row, so
/// the inner loop is four loads and three multiply-adds per pixel.
/// </summary>
public static class BilinearResizer
{
    /// <summary>Writes the resized image, row-major, into <paramref name="destination"/> (width x height floats).</summary>
    public static void Resize(GrayImage source, int width, int height, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (destination.Length < width * height)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats; {width * height} are needed.", nameof(destination));
        }

        var columns = Taps.For(source.Width, width);
        var rows = Taps.For(source.Height, height);
        var pixels = source.Pixels.AsSpan();
        for (var y = 0; y < height; y++)
        {
            var top = pixels.Slice(rows.Low[y] * source.Width, source.Width);
            var bottom = pixels.Slice(rows.High[y] * source.Width, source.Width);
            var wy = rows.Weight[y];
            var output = destination.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                int x0 = columns.Low[x], x1 = columns.High[x];
                var wx = columns.Weight[x];
                var upper = top[x0] + ((top[x1] - top[x0]) * wx);
                var lower = bottom[x0] + ((bottom[x1] - bottom[x0]) * wx);
                output[x] = upper + ((lower - upper) * wy);
            }
        }
    }

    /// <summary>For each output index: the two source indices and the weight of the second.</summary>
    private sealed record Taps(int[] Low, int[] High, float[] Weight)
    {
        public static Taps For(int sourceLength, int outputLength)
        {
            var scale = (double)sourceLength / outputLength;
            var low = new int[outputLength];
            var high = new int[outputLength];
            var weight = new float[outputLength];
            for (var i = 0; i < outputLength; i++)
            {
                var position = Math.Max(((i + 0.5) * scale) - 0.5, 0);
                var index = Math.Min((int)position, sourceLength - 1);
                low[i] = index;
                high[i] = Math.Min(index + 1, sourceLength - 1);
                weight[i] = (float)(position - index);
            }

            return new Taps(low, high, weight);
        }
    }
}
