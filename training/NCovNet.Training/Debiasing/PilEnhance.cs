using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>
/// PIL ImageEnhance semantics: out = degenerate + factor * (image - degenerate), clipped to
/// [0, 1]. Factor 1 returns the image; 0 returns the degenerate image (black for brightness,
/// the mean gray for contrast, PIL's 3x3 SMOOTH filter for sharpness).
/// </summary>
public static class PilEnhance
{
    public static GrayImage Brightness(GrayImage image, float factor) => Blend(image, _ => 0f, factor);

    public static GrayImage Contrast(GrayImage image, float factor)
    {
        ArgumentNullException.ThrowIfNull(image);

        // PIL takes the mean of the 8-bit gray histogram, rounded to an integer level.
        var mean = MathF.Floor((image.Pixels.Average() * 255f) + 0.5f) / 255f;
        return Blend(image, _ => mean, factor);
    }

    public static GrayImage Sharpness(GrayImage image, float factor)
    {
        ArgumentNullException.ThrowIfNull(image);
        var smooth = Smooth(image);
        return Blend(image, i => smooth[i], factor);
    }

    private static GrayImage Blend(GrayImage image, Func<int, float> degenerate, float factor)
    {
        ArgumentNullException.ThrowIfNull(image);
        var source = image.Pixels;
        var result = new float[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            var d = degenerate(i);
            result[i] = Math.Clamp(d + (factor * (source[i] - d)), 0f, 1f);
        }

        return new GrayImage(image.Width, image.Height, result);
    }

    /// <summary>PIL ImageFilter.SMOOTH: kernel [[1,1,1],[1,5,1],[1,1,1]] / 13; border pixels kept as they are.</summary>
    private static float[] Smooth(GrayImage image)
    {
        int w = image.Width, h = image.Height;
        var p = image.Pixels;
        var result = (float[])p.Clone();
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var i = (y * w) + x;
                var sum = p[i - w - 1] + p[i - w] + p[i - w + 1] + p[i - 1] + (5 * p[i]) + p[i + 1] + p[i + w - 1] + p[i + w] + p[i + w + 1];
                result[i] = sum / 13f;
            }
        }

        return result;
    }
}
