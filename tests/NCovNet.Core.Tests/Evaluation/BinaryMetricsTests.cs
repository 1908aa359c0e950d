using NCovNet.Core.Evaluation;

namespace NCovNet.Core.Tests.Evaluation;

public sealed class BinaryMetricsTests
{
    [Fact]
    public void Known_confusion_matrix_gives_the_textbook_numbers()
    {
        // 6 positives (4 found), 4 negatives (1 false alarm).
        bool[] actual = [true, true, true, true, true, true, false, false, false, false];
        double[] score = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.55, 0.2, 0.1, 0.05];

        var m = BinaryMetrics.Compute(actual, score);

        Assert.Equal(new NCovNet.Core.Models.ConfusionMatrix(Tp: 4, Fp: 1, Tn: 3, Fn: 2), m.Confusion);
        Assert.Equal(0.7, m.Accuracy, 12);
        Assert.Equal(4 / 6.0, m.Sensitivity, 12);
        Assert.Equal(0.75, m.Specificity, 12);
        Assert.Equal(0.8, m.Precision, 12);
        Assert.Equal(2 * 0.8 * (4 / 6.0) / (0.8 + (4 / 6.0)), m.F1, 12);
        // 24 positive/negative pairs; the positives scoring 0.4 and 0.3 lose to the 0.55 negative.
        Assert.Equal(22 / 24.0, m.RocAuc!.Value, 12);
        Assert.Equal(10, m.Count);
    }

    [Fact]
    public void Ties_count_one_half_and_a_missing_class_has_no_auc()
    {
        Assert.Equal(0.5, BinaryMetrics.RocAuc([true, false], [0.5, 0.5]));
        Assert.Null(BinaryMetrics.RocAuc([true, true], [0.1, 0.9]));
    }

    [Fact]
    public void The_threshold_moves_the_decision()
    {
        var strict = BinaryMetrics.Compute([true, false], [0.6, 0.4], threshold: 0.7);
        Assert.Equal(new NCovNet.Core.Models.ConfusionMatrix(0, 0, 1, 1), strict.Confusion);
        Assert.Equal(0, strict.F1);
    }
}
