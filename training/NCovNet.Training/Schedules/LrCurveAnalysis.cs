namespace NCovNet.Training.Schedules;

/// <summary>
/// Reads an LR sweep in the spirit of fastai's suggestion functions, made robust to noise. The batch
/// losses are despiked (<see cref="HampelFilter"/>) and smoothed again (<see cref="ExponentialAverage"/>),
/// so a burst of high losses in the first steps leaves no slope behind. The first
/// <c>warmupSteps</c> are left out, and so is the diverging tail: divergence starts after the last
/// step whose smoothed loss is within the flat tolerance of the minimum. In between, the valley is
/// the longest run of ever lower smoothed losses (a decreasing subsequence, so small bumps do not
/// cut it, as fastai's valley) and its suggestion lies two thirds of the way along it. A curve whose
/// smoothed loss falls by less than the flat tolerance is flat: its minimum is noise, so the
/// suggestion is a decade below where divergence starts instead.
/// </summary>
public sealed class LrCurveAnalysis
{
    public const double DefaultFlatTolerance = 0.05;

    private const double ValleyPosition = 2.0 / 3;

    /// <summary>Fewer analysed steps than this between the warm-up and divergence cannot show a descent.</summary>
    private const int MinimumAnalysedSteps = 3;

    private readonly int _warmupSteps;
    private readonly double _smoothing;
    private readonly double _flatTolerance;

    /// <param name="warmupSteps">Steps left out at the start of the sweep (fastai: a tenth of the planned steps).</param>
    /// <param name="smoothing">Weight of the running average (0.98: about the last 50 steps).</param>
    /// <param name="flatTolerance">Relative change of the smoothed loss that counts as none, in [0, 1).</param>
    public LrCurveAnalysis(int warmupSteps, double smoothing = 0.98, double flatTolerance = DefaultFlatTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        if (!(smoothing is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "The smoothing must be in [0, 1).");
        }

        if (!(flatTolerance is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(flatTolerance), flatTolerance, "The flat tolerance must be in [0, 1).");
        }

        (_warmupSteps, _smoothing, _flatTolerance) = (warmupSteps, smoothing, flatTolerance);
    }

    public LrFinderResult Analyse(IReadOnlyList<LrFinderPoint> points, bool diverged)
    {
        ArgumentNullException.ThrowIfNull(points);
        var finite = points.TakeWhile(p => double.IsFinite(p.Loss)).ToList();
        if (finite.Count == 0)
        {
            throw new InvalidOperationException("The learning-rate sweep produced no finite loss.");
        }

        var average = new ExponentialAverage(_smoothing);
        var curve = HampelFilter.Apply(finite.Select(p => p.Loss).ToList()).Select(average.Add).ToArray();
        var first = Math.Min(_warmupSteps, curve.Length - 1);
        var lowest = IndexOfMinimum(curve, first);
        var divergenceStart = LastIndexAtOrBelow(curve, first, curve[lowest] + (_flatTolerance * Math.Abs(curve[lowest])));
        var drop = curve[first] == 0 ? 0 : (curve[first] - curve[lowest]) / Math.Abs(curve[first]);
        var (valleyStart, valleyEnd) = LongestDescent(curve, first, divergenceStart);
        var valley = valleyStart + (int)Math.Round(ValleyPosition * (valleyEnd - valleyStart));
        return new LrFinderResult(points, diverged)
        {
            Valley = finite[valley].LearningRate,
            MinimumOverTen = finite[lowest].LearningRate / 10,
            SteepestDescent = finite[Steepest(curve, finite, first, divergenceStart)].LearningRate,
            DivergenceStart = finite[divergenceStart].LearningRate,
            DescentStart = finite[valleyStart].LearningRate,
            RelativeDrop = drop,
            IsFlat = drop < _flatTolerance || divergenceStart - first + 1 < MinimumAnalysedSteps,
        };
    }

    private static int IndexOfMinimum(double[] curve, int first)
    {
        var lowest = first;
        for (var i = first + 1; i < curve.Length; i++)
        {
            lowest = curve[i] < curve[lowest] ? i : lowest;
        }

        return lowest;
    }

    private static int LastIndexAtOrBelow(double[] curve, int first, double bound)
    {
        var last = first;
        for (var i = first; i < curve.Length; i++)
        {
            last = curve[i] <= bound ? i : last;
        }

        return last;
    }

    /// <summary>First and last index of the longest strictly decreasing subsequence of curve[first..last].</summary>
    private static (int Start, int End) LongestDescent(double[] curve, int first, int last)
    {
        var count = last - first + 1;
        var length = new int[count];
        var previous = new int[count];
        var end = 0;
        for (var i = 0; i < count; i++)
        {
            (length[i], previous[i]) = (1, -1);
            for (var j = 0; j < i; j++)
            {
                if (curve[first + i] < curve[first + j] && length[j] + 1 > length[i])
                {
                    (length[i], previous[i]) = (length[j] + 1, j);
                }
            }

            end = length[i] > length[end] ? i : end;
        }

        var start = end;
        while (previous[start] >= 0)
        {
            start = previous[start];
        }

        return (first + start, first + end);
    }

    /// <summary>Index where the smoothed loss falls fastest per decade of learning rate.</summary>
    private static int Steepest(double[] curve, IReadOnlyList<LrFinderPoint> points, int first, int last)
    {
        var steepest = first;
        var steepestSlope = double.PositiveInfinity;
        for (var i = first + 1; i <= last; i++)
        {
            var slope = (curve[i] - curve[i - 1]) / (Math.Log10(points[i].LearningRate) - Math.Log10(points[i - 1].LearningRate));
            if (slope < steepestSlope)
            {
                (steepest, steepestSlope) = (i, slope);
            }
        }

        return steepest;
    }
}
