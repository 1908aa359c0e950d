using NCovNet.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Training.Debiasing;

/// <summary>
/// Re-encodes the image as a gray JPEG at a random quality in [min, max] and decodes it again
/// (the paper's first debiasing step, OpenCV IMWRITE_JPEG_QUALITY 30-70): every training image
/// carries compression artefacts, so "is a lossy figure from a paper" stops telling COVID apart.
/// </summary>
public sealed class JpegReencode : IRadiographTransform
{
    public JpegReencode(int minQuality, int maxQuality)
    {
        if (minQuality is < 1 or > 100 || maxQuality is < 1 or > 100 || minQuality > maxQuality)
        {
            throw new ArgumentOutOfRangeException(nameof(minQuality), $"JPEG quality range {minQuality}..{maxQuality} must lie within 1..100.");
        }

        MinQuality = minQuality;
        MaxQuality = maxQuality;
    }

    public int MinQuality { get; }

    public int MaxQuality { get; }

    public GrayImage Apply(GrayImage image, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Decode(Encode(image, random.Next(MinQuality, MaxQuality + 1)));
    }

    public static byte[] Encode(GrayImage image, int quality)
    {
        using var l8 = GrayImageBytes.ToL8(image);
        using var stream = new MemoryStream();
        l8.Save(stream, new JpegEncoder { Quality = quality, ColorType = JpegColorType.Luminance });
        return stream.ToArray();
    }

    private static GrayImage Decode(byte[] jpeg)
    {
        using var decoded = Image.Load<L8>(jpeg);
        return GrayImageBytes.FromGray(decoded);
    }
}
