using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Imaging;

/// <summary>
/// Reads images decoded to RGBA (colour, palette, gray with alpha) into one gray channel.
/// The colour rule, per pixel:
/// <list type="bullet">
/// <item>R = G = B: the intensity is that value (exact, so a colour file holding a gray image keeps its values);</item>
/// <item>otherwise BT.601 luma, 0.299 R + 0.587 G + 0.114 B;</item>
/// <item>alpha below opaque composites over black: intensity x alpha (radiograph backgrounds are black).</item>
/// </list>
/// The hash covers the stored channels only (<see cref="StoredChannels"/>), not channels the decoder added.
/// </summary>
internal static class ColorPixelReader
{
    public const float RedWeight = 0.299f;
    public const float GreenWeight = 0.587f;
    public const float BlueWeight = 0.114f;

    /// <param name="graySampleScale">For stored gray below 8 bits: the factor ImageSharp scaled samples by (e.g. 17 for 4-bit); else 1.</param>
    public static GrayConversion Read(Image<Rgba32> image, StoredChannels stored, int graySampleScale = 1)
    {
        var pixels = new float[image.Width * image.Height];
        bool hadColor = false, hadTransparency = false;
        using var hash = new StoredSampleHash();
        var samples = new byte[image.Width * 4];
        image.ProcessPixelRows(rows =>
        {
            var unit = UnitIntensity.From8Bit;
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var intensities = pixels.AsSpan(y * rows.Width, rows.Width);
                for (var x = 0; x < row.Length; x++)
                {
                    var p = row[x];
                    intensities[x] = Intensity(p.R, p.G, p.B, p.A, byte.MaxValue, unit, ref hadColor, ref hadTransparency);
                }

                hash.Append(StoredSamples(row, stored, graySampleScale, samples));
            }
        });
        return new GrayConversion(new GrayImage(image.Width, image.Height, pixels), hadColor, hadTransparency, hash.Finish());
    }

    public static GrayConversion Read(Image<Rgba64> image, StoredChannels stored)
    {
        var pixels = new float[image.Width * image.Height];
        bool hadColor = false, hadTransparency = false;
        using var hash = new StoredSampleHash();
        var samples = new ushort[image.Width * 4];
        image.ProcessPixelRows(rows =>
        {
            var unit = UnitIntensity.From16Bit;
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var intensities = pixels.AsSpan(y * rows.Width, rows.Width);
                for (var x = 0; x < row.Length; x++)
                {
                    var p = row[x];
                    intensities[x] = Intensity(p.R, p.G, p.B, p.A, ushort.MaxValue, unit, ref hadColor, ref hadTransparency);
                }

                hash.Append(StoredSamples(row, stored, samples));
            }
        });
        return new GrayConversion(new GrayImage(image.Width, image.Height, pixels), hadColor, hadTransparency, hash.Finish());
    }

    /// <summary>The colour rule of this class for one pixel; <paramref name="unit"/> maps a sample to [0, 1].</summary>
    private static float Intensity(int r, int g, int b, int a, int max, ReadOnlySpan<float> unit, ref bool hadColor, ref bool hadTransparency)
    {
        float value;
        if (r == g && g == b)
        {
            value = unit[r];
        }
        else
        {
            hadColor = true;
            value = ((RedWeight * r) + (GreenWeight * g) + (BlueWeight * b)) * (1f / max);
        }

        if (a != max)
        {
            hadTransparency = true;
            value *= unit[a];
        }

        return value;
    }

    private static ReadOnlySpan<byte> StoredSamples(Span<Rgba32> row, StoredChannels stored, int graySampleScale, byte[] buffer)
    {
        if (stored == StoredChannels.Rgba)
        {
            return MemoryMarshal.AsBytes(row);
        }

        var n = 0;
        foreach (var p in row)
        {
            if (stored == StoredChannels.Rgb)
            {
                buffer[n++] = p.R;
                buffer[n++] = p.G;
                buffer[n++] = p.B;
                continue;
            }

            buffer[n++] = (byte)(p.R / graySampleScale);
            if (stored == StoredChannels.GrayAlpha)
            {
                buffer[n++] = p.A;
            }
        }

        return buffer.AsSpan(0, n);
    }

    private static ReadOnlySpan<ushort> StoredSamples(Span<Rgba64> row, StoredChannels stored, ushort[] buffer)
    {
        var n = 0;
        foreach (var p in row)
        {
            buffer[n++] = p.R;
            if (stored is StoredChannels.Rgb or StoredChannels.Rgba)
            {
                buffer[n++] = p.G;
                buffer[n++] = p.B;
            }

            if (stored is StoredChannels.GrayAlpha or StoredChannels.Rgba)
            {
                buffer[n++] = p.A;
            }
        }

        return buffer.AsSpan(0, n);
    }
}
