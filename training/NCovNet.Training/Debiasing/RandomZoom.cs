using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>Zooms in by a uniform factor in [1, max] about a random centre that keeps the view inside the image.</summary>
public sealed class RandomZoom(double maxZoom) : IRadiographTransform
{
    public double MaxZoom { get; } = maxZoom >= 1 ? maxZoom : throw new ArgumentOutOfRangeException(nameof(maxZoom), "The largest zoom must be at least 1.");

    /// <param name="centreX">Centre of the view as a fraction of the width.</param>
    /// <param name="centreY">Centre of the view as a fraction of the height.</param>
    public static GrayImage Zoom(GrayImage image, double zoom, double centreX = 0.5, double centreY = 0.5)
    {
        ArgumentNullException.ThrowIfNull(image);
        double viewW = image.Width / zoom, viewH = image.Height / zoom;
        var left = (image.Width - viewW) * centreX;
        var top = (image.Height - viewH) * centreY;
        (double X, double Y)[] sources = [(left, top), (left + viewW, top), (left + viewW, top + viewH), (left, top + viewH)];
        return ImageWarp.Apply(image, Homography.FromCorners(ImageWarp.Corners(image), sources));
    }

    public GrayImage Apply(GrayImage image, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return MaxZoom == 1 ? image : Zoom(image, 1 + ((MaxZoom - 1) * random.NextDouble()), random.NextDouble(), random.NextDouble());
    }
}
