using NCovNet.Core.Models;

namespace NCovNet.Core.Evaluation;

/// <summary>
/// Accuracy, sensitivity, specificity, precision, F1, ROC AUC and the confusion matrix of a
/// binary classifier, the positive class (COVID-19) as positive. Used by `ncovnet eval` and
/// by training's per-epoch metrics, so both report the same numbers.
/// </summary>
public static class BinaryMetrics
{
    /// <param name="actualPositive">Ground truth per example.</param>
    /// <param name="positiveProbability">Score of the positive class per example.</param>
    /// <param name="threshold">Predicted positive when the score is at or above it.</param>
    public static ClassificationMetrics Compute(IReadOnlyList<bool> actualPositive, IReadOnlyList<double> positiveProbability, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(actualPositive);
        ArgumentNullException.ThrowIfNull(positiveProbability);
        if (actualPositive.Count != positiveProbability.Count)
        {
            throw new ArgumentException("One score per example is needed.", nameof(positiveProbability));
        }

        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < actualPositive.Count; i++)
        {
            var predicted = positiveProbability[i] >= threshold;
            (tp, fp, tn, fn) = (actualPositive[i], predicted) switch
            {
                (true, true) => (tp + 1, fp, tn, fn),
                (false, true) => (tp, fp + 1, tn, fn),
                (false, false) => (tp, fp, tn + 1, fn),
                (true, false) => (tp, fp, tn, fn + 1),
            };
        }

        var sensitivity = Ratio(tp, tp + fn);
        var precision = Ratio(tp, tp + fp);
        return new ClassificationMetrics
        {
            Count = actualPositive.Count,
            Accuracy = Ratio(tp + tn, actualPositive.Count),
            Sensitivity = sensitivity,
            Specificity = Ratio(tn, tn + fp),
            Precision = precision,
            F1 = precision + sensitivity == 0 ? 0 : 2 * precision * sensitivity / (precision + sensitivity),
            RocAuc = RocAuc(actualPositive, positiveProbability),
            Confusion = new ConfusionMatrix(tp, fp, tn, fn),
        };
    }

    /// <summary>
    /// Area under the ROC curve as the Mann-Whitney probability that a random positive
    /// scores above a random negative (ties count one half); null when a class is absent.
    /// </summary>
    public static double? RocAuc(IReadOnlyList<bool> actualPositive, IReadOnlyList<double> score)
    {
        var order = Enumerable.Range(0, score.Count).OrderBy(i => score[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && score[order[end + 1]] == score[order[start]])
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (actualPositive[order[k]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
