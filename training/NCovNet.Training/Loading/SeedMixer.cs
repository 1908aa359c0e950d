namespace NCovNet.Training.Loading;

/// <summary>
/// Derives independent, reproducible seeds (SplitMix64) from a run seed and counters such as
/// the epoch and the sample's position, so that parallel loading gives the same images as
/// serial loading, whatever the thread timing.
/// </summary>
public static class SeedMixer
{
    public static int Mix(int seed, params long[] counters)
    {
        var state = unchecked((ulong)seed);
        foreach (var counter in counters)
        {
            state = SplitMix(state ^ unchecked((ulong)counter));
        }

        return unchecked((int)SplitMix(state));
    }

    private static ulong SplitMix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
