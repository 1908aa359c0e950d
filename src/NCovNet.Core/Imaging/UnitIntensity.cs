namespace NCovNet.Core.Imaging;

/// <summary>Stored sample to [0, 1] intensity, sample / max exactly (correctly rounded), by table lookup.</summary>
internal static class UnitIntensity
{
    private static readonly float[] Of8Bit = Build(byte.MaxValue);
    private static readonly Lazy<float[]> Of16Bit = new(() => Build(ushort.MaxValue));

    public static ReadOnlySpan<float> From8Bit => Of8Bit;

    public static ReadOnlySpan<float> From16Bit => Of16Bit.Value;

    private static float[] Build(int max)
    {
        var table = new float[max + 1];
        for (var i = 0; i <= max; i++)
        {
            table[i] = (float)i / max;
        }

        return table;
    }
}
