namespace NCovNet.Training.Schedules;

/// <summary>
/// Exponential moving average with bias correction (the first values are not pulled towards zero),
/// as fastai smooths the LR finder's loss.
/// </summary>
public sealed class ExponentialAverage(double smoothing)
{
    private double _average;
    private int _count;

    /// <summary>Adds a value and returns the corrected average so far.</summary>
    public double Add(double value)
    {
        _average = (smoothing * _average) + ((1 - smoothing) * value);
        _count++;
        return _average / (1 - Math.Pow(smoothing, _count));
    }
}
