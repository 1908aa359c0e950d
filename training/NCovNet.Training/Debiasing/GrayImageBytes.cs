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

    public static GrayImage FromL8(Image<L8> image)
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
                    pixels[(y * rows.Width) + x] = row[x].PackedValue / 255f;
                }
            }
        });
        return new GrayImage(image.Width, image.Height, pixels);
    }

    public static GrayImage FromL16(Image<L16> image)
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
                    pixels[(y * rows.Width) + x] = row[x].PackedValue / 65535f;
                }
            }
        });
        return new GrayImage(image.Width, image.Height, pixels);
    }
}
