namespace NCovNet.Training.Schedules;

/// <summary>
/// Removes isolated spikes from a series: a value further than <c>3 x 1.4826 x MAD</c> from the median
/// of its 7-value neighbourhood (shifted to stay inside the series at the ends) is replaced by that
/// median. Up to three consecutive outliers are removed; a sustained change passes unchanged.
/// </summary>
public static class HampelFilter
{
    private const int HalfWindow = 3;
    private const double Threshold = 3;

    /// <summary>Scales the median absolute deviation to a standard deviation for normal noise.</summary>
    private const double MadToSigma = 1.4826;

    public static double[] Apply(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var width = (2 * HalfWindow) + 1;
        if (values.Count < width)
        {
            return [.. values];
        }

        var filtered = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var first = Math.Clamp(i - HalfWindow, 0, values.Count - width);
            var window = Enumerable.Range(first, width).Select(k => values[k]).ToArray();
            var median = Median(window);
            var mad = Median(window.Select(v => Math.Abs(v - median)).ToArray());
            filtered[i] = Math.Abs(values[i] - median) > Threshold * MadToSigma * mad ? median : values[i];
        }

        return filtered;
    }

    private static double Median(double[] oddCount)
    {
        Array.Sort(oddCount);
        return oddCount[oddCount.Length / 2];
    }
}
