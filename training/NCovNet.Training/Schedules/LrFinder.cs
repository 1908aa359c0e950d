namespace NCovNet.Training.Schedules;

/// <summary>
/// Leslie Smith's learning-rate range test as fastai runs it: train one batch per step at a
/// geometrically growing rate, smooth the loss (<see cref="ExponentialAverage"/>), stop when the
/// smoothed loss exceeds <see cref="DivergenceFactor"/> x its best (or is not finite). The curve is
/// then read by <see cref="LrCurveAnalysis"/>, leaving out the first tenth of the planned steps.
/// </summary>
public sealed class LrFinder(LrRange range, double smoothing = 0.98, double divergenceFactor = 4, double flatTolerance = LrCurveAnalysis.DefaultFlatTolerance)
{
    private readonly LrCurveAnalysis _analysis = new(range.Iterations / 10, smoothing, flatTolerance);

    public LrRange Range { get; } = range;

    public double DivergenceFactor { get; } = divergenceFactor;

    /// <param name="trainStep">Trains one batch at the given learning rate and returns its loss.</param>
    public LrFinderResult Run(Func<double, double> trainStep, Action<LrFinderPoint>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trainStep);
        var points = new List<LrFinderPoint>();
        var average = new ExponentialAverage(smoothing);
        var best = double.PositiveInfinity;
        var diverged = false;
        for (var i = 0; i < Range.Iterations; i++)
        {
            var lr = Range.At(i);
            var loss = trainStep(lr);
            var smoothed = average.Add(loss);
            var point = new LrFinderPoint(i, lr, loss, smoothed);
            points.Add(point);
            progress?.Invoke(point);
            if (!double.IsFinite(smoothed) || (i > 0 && smoothed > DivergenceFactor * best))
            {
                diverged = true;
                break;
            }

            best = Math.Min(best, smoothed);
        }

        return _analysis.Analyse(points, diverged);
    }
}
