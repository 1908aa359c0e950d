using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Imaging;

/// <summary>Images generated in the tests with ImageSharp (never data files committed to the repository).</summary>
public static class GeneratedImages
{
    /// <summary>An image whose pixel at (x, y) is <paramref name="pixel"/>(x, y).</summary>
    public static Image<TPixel> Create<TPixel>(int width, int height, Func<int, int, TPixel> pixel)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var image = new Image<TPixel>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = pixel(x, y);
            }
        }

        return image;
    }

    public static byte[] Png<TPixel>(Image<TPixel> image, PngColorType colorType, PngBitDepth bitDepth, PngInterlaceMode interlace = PngInterlaceMode.None)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new PngEncoder { ColorType = colorType, BitDepth = bitDepth, InterlaceMethod = interlace });
        return stream.ToArray();
    }

    public static byte[] Jpeg<TPixel>(Image<TPixel> image, JpegColorType colorType, int quality = 90)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { ColorType = colorType, Quality = quality });
        return stream.ToArray();
    }

    /// <summary>A 16-bit gray gradient with a bright disc: every sample distinct enough to catch layout errors.</summary>
    public static Image<L16> Gray16(int width, int height) =>
        Create(width, height, (x, y) => new L16((ushort)((x * 977) + (y * 131) + (((x - (width / 2)) * (x - (width / 2))) + ((y - (height / 2)) * (y - (height / 2))) < 100 ? 20000 : 0))));

    /// <summary>A colour test card: gray ramp on the left half, saturated colours on the right.</summary>
    public static Image<Rgb24> ColourCard(int width, int height) =>
        Create(width, height, (x, y) => x < width / 2
            ? new Rgb24((byte)(y * 255 / height), (byte)(y * 255 / height), (byte)(y * 255 / height))
            : new Rgb24((byte)(x * 4), (byte)(255 - (y * 3)), (byte)(x * y)));
}
