namespace NCovNet.Training.Probe;

/// <summary>
/// Standardises features with the mean and standard deviation of the rows it was fitted on (the
/// train split), so that one L2 penalty treats every channel alike. A constant channel (a ReLU
/// that never fires) keeps scale 1 instead of dividing by zero.
/// </summary>
public sealed class FeatureScaler
{
    private readonly double[] _mean;
    private readonly double[] _scale;

    private FeatureScaler(double[] mean, double[] scale)
    {
        _mean = mean;
        _scale = scale;
    }

    public static FeatureScaler Fit(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Standardising needs at least one row.", nameof(rows));
        }

        var width = rows[0].Length;
        var mean = new double[width];
        var scale = new double[width];
        for (var j = 0; j < width; j++)
        {
            var column = rows.Select(r => r[j]).ToArray();
            mean[j] = column.Average();
            var variance = column.Sum(v => (v - mean[j]) * (v - mean[j])) / column.Length;
            scale[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }

        return new FeatureScaler(mean, scale);
    }

    public double[][] Apply(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(row => row.Select((v, j) => (v - _mean[j]) / _scale[j]).ToArray()).ToArray();
    }
}
