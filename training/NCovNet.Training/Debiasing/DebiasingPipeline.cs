using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>
/// The per-image chain of the debiasing dataloader: JPEG re-encode, PIL brightness, contrast
/// and sharpness, then flips, rotation, zoom, lighting and perspective warp. Deterministic for
/// a given <see cref="Random"/> state.
/// </summary>
public sealed class DebiasingPipeline(IReadOnlyList<IRadiographTransform> transforms)
{
    public IReadOnlyList<IRadiographTransform> Transforms { get; } = transforms;

    public static DebiasingPipeline Build(DebiasingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transforms = new List<IRadiographTransform>();
        if (!options.Enabled)
        {
            return new DebiasingPipeline(transforms);
        }

        if (options.JpegReencode)
        {
            transforms.Add(new JpegReencode(options.JpegQualityMin, options.JpegQualityMax));
        }

        AddEnhance(transforms, options.Brightness, RandomEnhance.Brightness);
        AddEnhance(transforms, options.Contrast, RandomEnhance.Contrast);
        AddEnhance(transforms, options.Sharpness, RandomEnhance.Sharpness);
        if (options.HorizontalFlipProbability > 0)
        {
            transforms.Add(new RandomFlip(horizontal: true, options.HorizontalFlipProbability));
        }

        if (options.VerticalFlipProbability > 0)
        {
            transforms.Add(new RandomFlip(horizontal: false, options.VerticalFlipProbability));
        }

        if (options.MaxRotationDegrees > 0)
        {
            transforms.Add(new RandomRotation(options.MaxRotationDegrees));
        }

        if (options.MaxZoom > 1)
        {
            transforms.Add(new RandomZoom(options.MaxZoom));
        }

        if (options.MaxLighting > 0)
        {
            transforms.Add(new RandomLighting(options.MaxLighting));
        }

        if (options.MaxWarp > 0)
        {
            transforms.Add(new RandomPerspective(options.MaxWarp));
        }

        return new DebiasingPipeline(transforms);
    }

    public GrayImage Apply(GrayImage image, Random random)
    {
        foreach (var transform in Transforms)
        {
            image = transform.Apply(image, random);
        }

        return image;
    }

    private static void AddEnhance(List<IRadiographTransform> transforms, FactorRange range, Func<FactorRange, RandomEnhance> create)
    {
        if (range.Min != 1 || range.Max != 1)
        {
            transforms.Add(create(range));
        }
    }
}
