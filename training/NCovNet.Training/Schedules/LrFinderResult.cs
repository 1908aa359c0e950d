namespace NCovNet.Training.Schedules;

/// <summary>
/// The learning-rate curve and its suggestions: <see cref="MinimumOverTen"/> (fastai's lr_min,
/// a tenth of the rate at the lowest smoothed loss) and <see cref="SteepestDescent"/> (the rate
/// where the smoothed loss falls fastest per decade). <see cref="Suggested"/> is the former.
/// </summary>
public sealed record LrFinderResult(IReadOnlyList<LrFinderPoint> Points, bool Diverged, double MinimumOverTen, double SteepestDescent)
{
    public double Suggested => MinimumOverTen;
}
