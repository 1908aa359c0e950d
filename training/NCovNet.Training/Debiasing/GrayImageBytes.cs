using NCovNet.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Training.Debiasing;

/// <summary>Conversions between <see cref="GrayImage"/> and 8/16-bit ImageSharp images.</summary>
public static class GrayImageBytes
{
    public static Image<L8> ToL8(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bytes = new byte[image.Pixels.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)Math.Clamp(MathF.Round(image.Pixels[i] * 255f), 0, 255);
        }

        return Image.LoadPixelData<L8>(bytes, image.Width, image.Height);
    }

    public static Image<L16> ToL16(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var words = new L16[image.Pixels.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = new L16((ushort)Math.Clamp(MathF.Round(image.Pixels[i] * 65535f), 0, 65535));
        }

        return Image.LoadPixelData<L16>(words, image.Width, image.Height);
    }

    /// <summary>Reads an 8- or 16-bit gray image (L8, L16) into [0, 1] intensities.</summary>
    public static GrayImage FromGray<TPixel>(Image<TPixel> image)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = new float[image.Width * image.Height];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    pixels[(y * rows.Width) + x] = row[x].ToScaledVector4().X;
                }
            }
        });
        return new GrayImage(image.Width, image.Height, pixels);
    }
}
