using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>Mirrors the image left-right (horizontal) or top-bottom (vertical) with a given probability.</summary>
public sealed class RandomFlip(bool horizontal, double probability) : IRadiographTransform
{
    public bool Horizontal { get; } = horizontal;

    public double Probability { get; } = probability;

    public static GrayImage Flip(GrayImage image, bool horizontal)
    {
        ArgumentNullException.ThrowIfNull(image);
        int w = image.Width, h = image.Height;
        var result = new float[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                result[(y * w) + x] = horizontal ? image[w - 1 - x, y] : image[x, h - 1 - y];
            }
        }

        return new GrayImage(w, h, result);
    }

    public GrayImage Apply(GrayImage image, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextDouble() < Probability ? Flip(image, Horizontal) : image;
    }
}
