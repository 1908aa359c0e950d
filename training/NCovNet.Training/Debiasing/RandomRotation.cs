using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>Rotates about the centre by a uniform angle in [-max, max] degrees, keeping the size.</summary>
public sealed class RandomRotation(double maxDegrees) : IRadiographTransform
{
    public double MaxDegrees { get; } = maxDegrees;

    public static GrayImage Rotate(GrayImage image, double degrees)
    {
        ArgumentNullException.ThrowIfNull(image);
        double cx = image.Width / 2.0, cy = image.Height / 2.0;
        var theta = degrees * Math.PI / 180;
        double cos = Math.Cos(theta), sin = Math.Sin(theta);
        var corners = ImageWarp.Corners(image);
        var sources = corners.Select(c => (cx + (cos * (c.X - cx)) - (sin * (c.Y - cy)), cy + (sin * (c.X - cx)) + (cos * (c.Y - cy)))).ToArray();
        return ImageWarp.Apply(image, Homography.FromCorners(corners, sources));
    }

    public GrayImage Apply(GrayImage image, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return MaxDegrees == 0 ? image : Rotate(image, ((2 * random.NextDouble()) - 1) * MaxDegrees);
    }
}
