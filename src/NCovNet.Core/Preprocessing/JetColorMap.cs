using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Preprocessing;

/// <summary>
/// OpenCV's COLORMAP_JET, entry for entry. OpenCV (modules/imgproc/src/colormap.cpp, class Jet)
/// defines 256 float control points per channel on linspace(0, 1, 256), interpolates them at
/// the same 256 points (interp1, in float) and converts to 8 bits with convertTo(CV_8U, 255.),
/// which multiplies in float and rounds half to even. The control points are the piecewise
/// linear ramps below (steps of 4/255); the table is rebuilt here with the same float
/// operations, so every rounding tie lands where OpenCV's does (e.g. index 1 is blue 132, not 131).
/// <see cref="Map"/> interpolates between entries so intensities between k/255 and (k+1)/255,
/// e.g. from 16-bit images, keep their position instead of snapping to an entry.
/// </summary>
public static class JetColorMap
{
    public const int Size = 256;

    private static readonly Rgb24[] Entries = BuildTable();

    /// <summary>The 256 entries, index = 8-bit intensity, in RGB order (OpenCV stores them as BGR).</summary>
    public static ReadOnlySpan<Rgb24> Table => Entries;

    /// <summary>Maps an intensity in [0, 1] (clamped) to RGB in [0, 1], linearly between table entries.</summary>
    public static (float R, float G, float B) Map(float intensity)
    {
        var position = Math.Clamp(intensity, 0f, 1f) * (Size - 1);
        var lower = Math.Min((int)position, Size - 2);
        var fraction = position - lower;
        Rgb24 a = Entries[lower], b = Entries[lower + 1];
        return (
            (a.R + ((b.R - a.R) * fraction)) / 255f,
            (a.G + ((b.G - a.G) * fraction)) / 255f,
            (a.B + ((b.B - a.B) * fraction)) / 255f);
    }

    /// <summary>Maps an intensity in [0, 1] to the nearest 8-bit colour of the interpolated map (for overlays).</summary>
    public static Rgb24 MapToRgb24(float intensity)
    {
        var (r, g, b) = Map(intensity);
        return new Rgb24(ToByte(r), ToByte(g), ToByte(b));
    }

    private static byte ToByte(float unit) => (byte)MathF.Round(unit * 255f);

    private static Rgb24[] BuildTable()
    {
        var red = new float[Size];
        var green = new float[Size];
        var blue = new float[Size];
        for (var i = 0; i < Size; i++)
        {
            red[i] = ControlPoint((4 * i) - 382.5, 1147.5 - (4 * i));
            green[i] = ControlPoint((4 * i) - 127.5, 892.5 - (4 * i));
            blue[i] = ControlPoint((4 * i) + 127.5, 637.5 - (4 * i));
        }

        var x = Linspace();
        var table = new Rgb24[Size];
        for (var i = 0; i < Size; i++)
        {
            table[i] = new Rgb24(ToOpenCvByte(Interpolate(x, red, i)), ToOpenCvByte(Interpolate(x, green, i)), ToOpenCvByte(Interpolate(x, blue, i)));
        }

        return table;
    }

    /// <summary>A ramp rising and falling by 4/255 per entry, clamped to [0, 1], rounded to float as the C++ literals are.</summary>
    private static float ControlPoint(double rising, double falling) => (float)Math.Clamp(Math.Min(rising, falling) / 255.0, 0.0, 1.0);

    /// <summary>OpenCV's linspace(0, 1, 256): x0 + i * step in float.</summary>
    private static float[] Linspace()
    {
        var step = 1f / (Size - 1);
        var x = new float[Size];
        for (var i = 0; i < Size; i++)
        {
            x[i] = 0f + (i * step);
        }

        return x;
    }

    /// <summary>OpenCV's interp1 at x[i]: its binary search lands on (i - 1, i), and the float arithmetic is kept.</summary>
    private static float Interpolate(float[] x, float[] y, int i)
    {
        if (i == 0)
        {
            return y[0];
        }

        int low = i - 1, high = i;
        var scaled = (x[i] - x[low]) * (y[high] - y[low]);
        return y[low] + (scaled / (x[high] - x[low]));
    }

    /// <summary>convertTo(CV_8U, 255.): float multiply, round half to even, saturate.</summary>
    private static byte ToOpenCvByte(float value) => (byte)Math.Clamp(MathF.Round(value * 255f, MidpointRounding.ToEven), 0f, 255f);
}
