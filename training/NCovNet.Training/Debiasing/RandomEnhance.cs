using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>A PIL ImageEnhance operation (brightness, contrast or sharpness) with a random factor.</summary>
public sealed class RandomEnhance(string name, FactorRange factors, Func<GrayImage, float, GrayImage> enhance) : IRadiographTransform
{
    public string Name { get; } = name;

    public FactorRange Factors { get; } = factors;

    public static RandomEnhance Brightness(FactorRange factors) => new("brightness", factors, PilEnhance.Brightness);

    public static RandomEnhance Contrast(FactorRange factors) => new("contrast", factors, PilEnhance.Contrast);

    public static RandomEnhance Sharpness(FactorRange factors) => new("sharpness", factors, PilEnhance.Sharpness);

    public GrayImage Apply(GrayImage image, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return enhance(image, Factors.Draw(random));
    }
}
