namespace NCovNet.Training.Debiasing;

/// <summary>
/// The debiasing dataloader's settings (paper step 1-2 and 4; step 3, the colormap, is the
/// model's <see cref="NCovNet.Core.Preprocessing.PreprocessingSpec"/>). Defaults: JPEG quality
/// 30-70 as in the paper; fastai's get_transforms defaults for the augmentations.
/// A transform is off when its range is 1:1, its probability or magnitude 0, or <see cref="Enabled"/> is false.
/// </summary>
public sealed record DebiasingOptions
{
    public bool Enabled { get; init; } = true;

    public bool JpegReencode { get; init; } = true;

    public int JpegQualityMin { get; init; } = 30;

    public int JpegQualityMax { get; init; } = 70;

    /// <summary>PIL ImageEnhance.Brightness factor range.</summary>
    public FactorRange Brightness { get; init; } = new(0.75f, 1.25f);

    /// <summary>PIL ImageEnhance.Contrast factor range.</summary>
    public FactorRange Contrast { get; init; } = new(0.75f, 1.25f);

    /// <summary>PIL ImageEnhance.Sharpness factor range (0 blurred, 1 unchanged, 2 sharpened).</summary>
    public FactorRange Sharpness { get; init; } = new(0.5f, 1.5f);

    public double HorizontalFlipProbability { get; init; } = 0.5;

    /// <summary>The paper flips vertically too; serving never sees upside-down images, so it is rarer here.</summary>
    public double VerticalFlipProbability { get; init; } = 0.1;

    public double MaxRotationDegrees { get; init; } = 10;

    public double MaxZoom { get; init; } = 1.1;

    /// <summary>fastai max_lighting: brightness augmentation in logit space.</summary>
    public double MaxLighting { get; init; } = 0.2;

    /// <summary>fastai max_warp: perspective warp magnitude.</summary>
    public double MaxWarp { get; init; } = 0.2;

    public static DebiasingOptions Off { get; } = new() { Enabled = false };
}
