using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Imaging;

/// <summary>Reads single-channel images (PNG gray, JPEG luminance) into [0, 1] intensities and hashes their stored samples.</summary>
internal static class GrayPixelReader
{
    /// <param name="bitDepth">The stored bit depth (1, 2, 4 or 8). ImageSharp scales low depths to 0..255; the hash covers the stored values.</param>
    public static GrayConversion Read(Image<L8> image, int bitDepth)
    {
        var scale = 255 / ((1 << bitDepth) - 1);
        var pixels = new float[image.Width * image.Height];
        using var hash = new StoredSampleHash();
        var stored = new byte[image.Width];
        image.ProcessPixelRows(rows =>
        {
            var unit = UnitIntensity.From8Bit;
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var intensities = pixels.AsSpan(y * rows.Width, rows.Width);
                for (var x = 0; x < row.Length; x++)
                {
                    var value = row[x].PackedValue;
                    intensities[x] = unit[value];
                    stored[x] = (byte)(value / scale);
                }

                hash.Append(stored);
            }
        });
        return new GrayConversion(new GrayImage(image.Width, image.Height, pixels), HadColor: false, HadTransparency: false, hash.Finish());
    }

    public static GrayConversion Read(Image<L16> image)
    {
        var pixels = new float[image.Width * image.Height];
        using var hash = new StoredSampleHash();
        var stored = new ushort[image.Width];
        image.ProcessPixelRows(rows =>
        {
            var unit = UnitIntensity.From16Bit;
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var intensities = pixels.AsSpan(y * rows.Width, rows.Width);
                for (var x = 0; x < row.Length; x++)
                {
                    var value = row[x].PackedValue;
                    intensities[x] = unit[value];
                    stored[x] = value;
                }

                hash.Append(stored);
            }
        });
        return new GrayConversion(new GrayImage(image.Width, image.Height, pixels), HadColor: false, HadTransparency: false, hash.Finish());
    }
}
