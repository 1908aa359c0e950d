using NCovNet.Core.Imaging;
using NCovNet.Training.Debiasing;
using NCovNet.Training.Loading;
using NCovNet.Tests;

namespace NCovNet.Training.Tests;

/// <summary>Real radiographs from ../shared used by these tests, decoded through the core decoder.</summary>
public static class TestImages
{
    /// <summary>A COVID JPEG figure from a paper (lossy, RGB-but-gray).</summary>
    public const string CovidJpeg = "images/nejmoa2001191_f1-PA.jpeg";

    /// <summary>A COVID RGBA PNG.</summary>
    public const string CovidPng = "images/1.CXRCTThoraximagesofCOVID-19fromSingapore.pdf-001-fig2a.png";

    private static readonly Lazy<GrayImage> Small = new(() => WorkingImageCache.Resize(Decode(SharedData.CxrImage(CovidJpeg)), 96));

    /// <summary>The COVID JPEG resized to 96x96, shared read-only by the transform tests.</summary>
    public static GrayImage Radiograph96 => Small.Value;

    public static GrayImage Decode(string path) => RadiographDecoder.Decode(File.ReadAllBytes(path)).Image;

    public static double MeanAbsoluteDifference(GrayImage a, GrayImage b) =>
        a.Pixels.Zip(b.Pixels, (x, y) => Math.Abs(x - y)).Average();

    public static GrayImage Copy(GrayImage image) => new(image.Width, image.Height, (float[])image.Pixels.Clone());

    public static GrayImage Apply(IRadiographTransform transform, int seed) => transform.Apply(Radiograph96, new Random(seed));
}
