namespace NCovNet.Core.Preprocessing;

/// <summary>
/// A spec compiled into lookup tables: for each tensor channel, the normalised value
/// (colour[i] / 255 - mean) / std at each of the 256 colour-map entries. Normalisation is
/// affine, so interpolating these tables between entries equals normalising the
/// interpolated colour: one table lookup replaces colour mapping, scaling and normalisation.
/// </summary>
internal sealed class NormalizedChannelTables
{
    private const int Entries = 256;

    private NormalizedChannelTables(float[][] channels) => Channels = channels;

    /// <summary>Tensor channel c, entries 0..255.</summary>
    public float[][] Channels { get; }

    public static NormalizedChannelTables For(PreprocessingSpec spec)
    {
        var channels = new float[3][];
        for (var c = 0; c < 3; c++)
        {
            var rgbChannel = spec.ChannelOrder == "BGR" ? 2 - c : c;
            var table = new float[Entries];
            for (var i = 0; i < Entries; i++)
            {
                table[i] = ((ColorMapValue(spec.ColorMap, rgbChannel, i) / 255f) - spec.Mean[c]) / spec.Std[c];
            }

            channels[c] = table;
        }

        return new NormalizedChannelTables(channels);
    }

    /// <summary>The 8-bit colour of entry <paramref name="index"/>: the JET table, or the gray value itself.</summary>
    private static float ColorMapValue(string colorMap, int rgbChannel, int index)
    {
        if (colorMap != "jet")
        {
            return index;
        }

        var entry = JetColorMap.Table[index];
        return rgbChannel switch
        {
            0 => entry.R,
            1 => entry.G,
            _ => entry.B,
        };
    }
}
