using System.Collections.Concurrent;
using NCovNet.Core.Imaging;
using NCovNet.Training.Data;
using NCovNet.Training.Debiasing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace NCovNet.Training.Loading;

/// <summary>
/// Decoded training images, resized once (triangle filter, 16-bit) to a square working size a
/// little above the model's input, and kept in memory: the debiasing transforms then run per
/// epoch at the scale the network sees, instead of re-decoding 1600-pixel files every time.
/// </summary>
public sealed class WorkingImageCache(int workingSize)
{
    private readonly ConcurrentDictionary<string, Lazy<GrayImage>> _images = new(StringComparer.Ordinal);

    public int WorkingSize { get; } = workingSize >= 8 ? workingSize : throw new ArgumentOutOfRangeException(nameof(workingSize), "The working size must be at least 8 pixels.");

    public GrayImage Get(LabeledImage image) =>
        _images.GetOrAdd(image.Path, _ => new Lazy<GrayImage>(() => Resize(RadiographReader.Read(image), WorkingSize))).Value;

    public static GrayImage Resize(GrayImage image, int size)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var l16 = GrayImageBytes.ToL16(image);
        l16.Mutate(x => x.Resize(size, size, KnownResamplers.Triangle));
        return GrayImageBytes.FromGray(l16);
    }
}
