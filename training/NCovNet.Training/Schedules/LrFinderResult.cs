namespace NCovNet.Training.Schedules;

/// <summary>
/// The learning-rate sweep (<see cref="Points"/>: the batch losses and their running smoothed value)
/// and what <see cref="LrCurveAnalysis"/> reads from it. <see cref="Suggested"/> is the
/// <see cref="Valley"/>, or for a flat curve a decade below <see cref="DivergenceStart"/>.
/// </summary>
public sealed record LrFinderResult(IReadOnlyList<LrFinderPoint> Points, bool Diverged)
{
    /// <summary>Two thirds along the longest descent of the smoothed loss (fastai's valley).</summary>
    public required double Valley { get; init; }

    /// <summary>A tenth of the rate at the lowest smoothed loss (fastai's lr_min).</summary>
    public required double MinimumOverTen { get; init; }

    /// <summary>The rate where the smoothed loss falls fastest per decade (fastai's steep).</summary>
    public required double SteepestDescent { get; init; }

    /// <summary>The last rate whose smoothed loss is within the flat tolerance of the minimum; above it the loss climbs.</summary>
    public required double DivergenceStart { get; init; }

    /// <summary>How much the smoothed loss fell from the first analysed step to its minimum, as a fraction of the former.</summary>
    public required double RelativeDrop { get; init; }

    /// <summary>
    /// The smoothed loss fell by less than the flat tolerance (or too few steps came before
    /// divergence to tell): no rate is clearly better than another, and the minimum is noise.
    /// </summary>
    public required bool IsFlat { get; init; }

    /// <summary>The rate where the longest descent of the smoothed loss begins: below it, steps barely move the loss.</summary>
    public required double DescentStart { get; init; }

    public double Suggested => IsFlat ? DivergenceStart / 10 : Valley;

    /// <summary>
    /// The bottom of an SGDR cycle whose top is <see cref="Suggested"/>: where the descent begins,
    /// kept one to three decades below the top so that each cycle anneals without stalling. A flat
    /// curve has no descent to read: two decades below the top.
    /// </summary>
    public double SuggestedMinimum => IsFlat ? Suggested / 100 : Math.Clamp(DescentStart, Suggested / 1000, Suggested / 10);

    /// <summary>How <see cref="Suggested"/> was chosen, for the console and the plot title.</summary>
    public string SuggestionRule => IsFlat ? "flat curve: a decade below where the loss starts to climb" : "valley";
}
