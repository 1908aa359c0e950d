using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>
/// fastai's brightness augmentation: shifts intensities in logit space by logit(c), c uniform in
/// [0.5 - max/2, 0.5 + max/2], so mid-grays move most and black and white stay put.
/// </summary>
public sealed class RandomLighting(double maxLighting) : IRadiographTransform
{
    public double MaxLighting { get; } = maxLighting is >= 0 and < 1 ? maxLighting : throw new ArgumentOutOfRangeException(nameof(maxLighting), "Lighting must lie in [0, 1).");

    public static GrayImage Shift(GrayImage image, double change)
    {
        ArgumentNullException.ThrowIfNull(image);
        var shift = (float)Math.Log(change / (1 - change));
        const float eps = 1e-4f;
        var result = new float[image.Pixels.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var p = Math.Clamp(image.Pixels[i], eps, 1 - eps);
            result[i] = 1f / (1f + MathF.Exp(-(MathF.Log(p / (1 - p)) + shift)));
        }

        return new GrayImage(image.Width, image.Height, result);
    }

    public GrayImage Apply(GrayImage image, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return MaxLighting == 0 ? image : Shift(image, 0.5 + (MaxLighting * (random.NextDouble() - 0.5)));
    }
}
