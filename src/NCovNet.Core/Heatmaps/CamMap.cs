namespace NCovNet.Core.Heatmaps;

/// <summary>
/// A Grad-CAM map at the model's feature-map resolution, values in [0, 1]: the class's cam
/// plane after ReLU, divided by its maximum (Selvaraju et al.'s normalisation). A plane with
/// no positive value gives an all-zero map: nothing argued for the class.
/// </summary>
public sealed class CamMap
{
    private CamMap(int width, int height, float[] values)
    {
        Width = width;
        Height = height;
        Values = values;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major values in [0, 1].</summary>
    public float[] Values { get; }

    public float this[int x, int y] => Values[(y * Width) + x];

    /// <param name="camPlane">The pre-ReLU cam of one class, row-major <paramref name="height"/> x <paramref name="width"/>.</param>
    public static CamMap FromCam(ReadOnlySpan<float> camPlane, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (camPlane.Length != width * height)
        {
            throw new ArgumentException($"A {width}x{height} cam has {width * height} values, not {camPlane.Length}.", nameof(camPlane));
        }

        var max = 0f;
        foreach (var value in camPlane)
        {
            max = Math.Max(max, value);
        }

        var values = new float[camPlane.Length];
        if (max > 0 && float.IsFinite(max))
        {
            var scale = 1f / max;
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Math.Max(camPlane[i], 0f) * scale;
            }
        }

        return new CamMap(width, height, values);
    }
}
