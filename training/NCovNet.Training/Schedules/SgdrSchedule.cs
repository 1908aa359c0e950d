namespace NCovNet.Training.Schedules;

/// <summary>
/// SGDR (Loshchilov and Hutter 2017): cosine annealing from <see cref="MaxLr"/> to
/// <see cref="MinLr"/> over a period that restarts at <see cref="MaxLr"/> and is multiplied by
/// <see cref="PeriodMultiplier"/> each time (T_0, T_mult). TorchSharp has no
/// CosineAnnealingWarmRestarts, so it lives here. Steps are optimizer steps (or epochs, as the caller counts).
/// </summary>
public sealed class SgdrSchedule : ILearningRateSchedule
{
    public SgdrSchedule(double maxLr, double minLr, int firstPeriod, int periodMultiplier)
    {
        if (!(maxLr > 0) || minLr < 0 || minLr > maxLr)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLr), $"Need 0 <= minLr <= maxLr and maxLr > 0 (got {minLr}, {maxLr}).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(firstPeriod);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodMultiplier);
        MaxLr = maxLr;
        MinLr = minLr;
        FirstPeriod = firstPeriod;
        PeriodMultiplier = periodMultiplier;
    }

    public double MaxLr { get; }

    public double MinLr { get; }

    public int FirstPeriod { get; }

    public int PeriodMultiplier { get; }

    /// <summary>Total steps of the first <paramref name="cycles"/> periods: T0 (1 + m + m^2 + ...).</summary>
    public long StepsInCycles(int cycles)
    {
        long total = 0, period = FirstPeriod;
        for (var c = 0; c < cycles; c++)
        {
            total += period;
            period *= PeriodMultiplier;
        }

        return total;
    }

    public double LearningRateAt(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var (position, period) = PositionInCycle(step);
        return MinLr + (0.5 * (MaxLr - MinLr) * (1 + Math.Cos(Math.PI * position / period)));
    }

    /// <summary>Which cycle a step falls in and how far into it, as (steps since the last restart, period length).</summary>
    public (long Position, long Period) PositionInCycle(long step)
    {
        long period = FirstPeriod;
        while (step >= period)
        {
            step -= period;
            period *= PeriodMultiplier;
        }

        return (step, period);
    }
}
