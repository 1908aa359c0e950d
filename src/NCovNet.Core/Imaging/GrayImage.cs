namespace NCovNet.Core.Imaging;

/// <summary>
/// A single-channel radiograph in display orientation: intensities in [0, 1], 0 = black,
/// after any rescale, LUT, VOI window and MONOCHROME1 inversion. Float keeps the full
/// 16-bit range of DICOM and 16-bit PNG until the final mapping (colormap, tensor).
/// </summary>
public sealed class GrayImage
{
    public GrayImage(int width, int height, float[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)width * height)
        {
            throw new ArgumentException($"Expected {width * (long)height} pixels, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major intensities in [0, 1].</summary>
    public float[] Pixels { get; }

    public float this[int x, int y] => Pixels[(y * Width) + x];
}
