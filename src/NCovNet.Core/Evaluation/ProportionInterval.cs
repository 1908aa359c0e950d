namespace NCovNet.Core.Evaluation;

/// <summary>
/// A 95% confidence interval for a proportion such as a sensitivity, by Wilson's score method:
/// sound for the small counts of a validation set (a dozen negatives) and for 0 or all successes,
/// where the normal approximation gives nonsense.
/// </summary>
public sealed record ProportionInterval(double Lower, double Upper)
{
    private const double Z = 1.959963984540054;

    /// <summary>Null when there are no trials.</summary>
    public static ProportionInterval? Wilson95(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return null;
        }

        double n = trials, p = successes / n, z2 = Z * Z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new ProportionInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Lower:0.000}-{Upper:0.000}");
}
