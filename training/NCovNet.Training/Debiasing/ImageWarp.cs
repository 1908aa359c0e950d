using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>
/// Resamples an image through a homography from output to source coordinates (pixel
/// centres), bilinear, with reflection padding as fastai uses, so the size is kept and no
/// black wedges appear at the borders.
/// </summary>
public static class ImageWarp
{
    public static GrayImage Apply(GrayImage image, Homography outputToSource)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(outputToSource);
        int w = image.Width, h = image.Height;
        var result = new float[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (sx, sy) = outputToSource.Map(x + 0.5, y + 0.5);
                result[(y * w) + x] = Sample(image, Reflect(sx - 0.5, w), Reflect(sy - 0.5, h));
            }
        }

        return new GrayImage(w, h, result);
    }

    /// <summary>The four corners of the image's pixel area: top-left, top-right, bottom-right, bottom-left.</summary>
    public static (double X, double Y)[] Corners(GrayImage image) =>
        [(0, 0), (image.Width, 0), (image.Width, image.Height), (0, image.Height)];

    private static double Reflect(double v, int size)
    {
        if (size == 1)
        {
            return 0;
        }

        var period = 2.0 * (size - 1);
        v = Math.Abs(v) % period;
        return v > size - 1 ? period - v : v;
    }

    private static float Sample(GrayImage image, double x, double y)
    {
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, image.Width - 1), y1 = Math.Min(y0 + 1, image.Height - 1);
        float fx = (float)(x - x0), fy = (float)(y - y0);
        var top = (image[x0, y0] * (1 - fx)) + (image[x1, y0] * fx);
        var bottom = (image[x0, y1] * (1 - fx)) + (image[x1, y1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }
}
