using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>
/// Perspective warp (fastai's max_warp): tilts the image plane as a differently placed X-ray
/// source and detector would, by moving the corners of the view by up to
/// <see cref="Magnitude"/> x half the size, horizontally and vertically, keeping the size.
/// </summary>
public sealed class RandomPerspective(double magnitude) : IRadiographTransform
{
    // From half on, two tilts can add up to -1 and fold three corners of the view onto one line.
    public double Magnitude { get; } = magnitude is >= 0 and < 0.5 ? magnitude : throw new ArgumentOutOfRangeException(nameof(magnitude), "The warp magnitude must lie in [0, 0.5).");

    /// <summary>Tilts by <paramref name="tiltX"/> and <paramref name="tiltY"/> in [-1, 1] (fractions of half the size).</summary>
    public static GrayImage Warp(GrayImage image, double tiltX, double tiltY)
    {
        ArgumentNullException.ThrowIfNull(image);
        double hw = image.Width / 2.0, hh = image.Height / 2.0;
        var corners = ImageWarp.Corners(image);

        // A horizontal tilt narrows one vertical edge and widens the other (a trapezoid), and likewise vertically.
        var sources = corners.Select(c =>
        {
            double ux = (c.X - hw) / hw, uy = (c.Y - hh) / hh;
            return (hw + (hw * ux * (1 + (tiltX * uy))), hh + (hh * uy * (1 + (tiltY * ux))));
        }).ToArray();
        return ImageWarp.Apply(image, Homography.FromCorners(corners, sources));
    }

    public GrayImage Apply(GrayImage image, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Magnitude == 0 ? image : Warp(image, ((2 * random.NextDouble()) - 1) * Magnitude, ((2 * random.NextDouble()) - 1) * Magnitude);
    }
}
