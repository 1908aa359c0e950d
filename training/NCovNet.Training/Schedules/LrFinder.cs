namespace NCovNet.Training.Schedules;

/// <summary>
/// Leslie Smith's learning-rate range test as fastai runs it: train one batch per step at a
/// geometrically growing rate, smooth the loss (exponential moving average with bias
/// correction), stop when the smoothed loss exceeds <see cref="DivergenceFactor"/> x its best
/// (or is not finite).
/// </summary>
public sealed class LrFinder(LrRange range, double smoothing = 0.98, double divergenceFactor = 4)
{
    public LrRange Range { get; } = range;

    public double DivergenceFactor { get; } = divergenceFactor;

    /// <param name="trainStep">Trains one batch at the given learning rate and returns its loss.</param>
    public LrFinderResult Run(Func<double, double> trainStep, Action<LrFinderPoint>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trainStep);
        var points = new List<LrFinderPoint>();
        double average = 0, best = double.PositiveInfinity;
        var diverged = false;
        for (var i = 0; i < Range.Iterations; i++)
        {
            var lr = Range.At(i);
            var loss = trainStep(lr);
            average = (smoothing * average) + ((1 - smoothing) * loss);
            var smoothed = average / (1 - Math.Pow(smoothing, i + 1));
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

        return Summarise(points, diverged);
    }

    public static LrFinderResult Summarise(IReadOnlyList<LrFinderPoint> points, bool diverged)
    {
        ArgumentNullException.ThrowIfNull(points);
        var finite = points.Where(p => double.IsFinite(p.SmoothedLoss)).ToList();
        if (finite.Count == 0)
        {
            throw new InvalidOperationException("The learning-rate sweep produced no finite loss.");
        }

        var minimum = finite.MinBy(p => p.SmoothedLoss)!;
        var steepest = finite[0];
        var steepestSlope = double.PositiveInfinity;
        for (var i = 1; i < finite.Count; i++)
        {
            var slope = (finite[i].SmoothedLoss - finite[i - 1].SmoothedLoss) / (Math.Log10(finite[i].LearningRate) - Math.Log10(finite[i - 1].LearningRate));
            if (slope < steepestSlope && finite[i].LearningRate <= minimum.LearningRate)
            {
                steepestSlope = slope;
                steepest = finite[i];
            }
        }

        return new LrFinderResult(points, diverged, minimum.LearningRate / 10, steepest.LearningRate);
    }
}
