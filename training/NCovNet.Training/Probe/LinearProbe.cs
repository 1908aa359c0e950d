using NCovNet.Training.Training;

namespace NCovNet.Training.Probe;

/// <summary>
/// A linear classifier on frozen features: standardised with the training rows' statistics, then a
/// class-balanced, L2-regularised <see cref="LogisticRegression"/> for the positive class.
/// </summary>
public sealed class LinearProbe
{
    private readonly FeatureScaler _scaler;

    private LinearProbe(FeatureScaler scaler, LogisticRegression regression)
    {
        _scaler = scaler;
        Regression = regression;
    }

    public LogisticRegression Regression { get; }

    public static LinearProbe Fit(FeatureSet train, double l2)
    {
        ArgumentNullException.ThrowIfNull(train);
        var scaler = FeatureScaler.Fit(train.Rows);
        return new LinearProbe(scaler, LogisticRegression.Fit(scaler.Apply(train.Rows), train.Positive, train.BalancedWeights(), l2));
    }

    /// <summary>Positive-class probability per row of <paramref name="set"/>, item index = row index; the loss is the unweighted mean log loss.</summary>
    public ScoredSet Score(FeatureSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var probabilities = _scaler.Apply(set.Rows).Select(Regression.Probability).ToList();
        var positive = set.Positive;
        var loss = LogisticRegression.LogLoss(probabilities, positive, Enumerable.Repeat(1.0, set.Count).ToList());
        return new ScoredSet([.. Enumerable.Range(0, set.Count)], positive, probabilities, loss);
    }
}
