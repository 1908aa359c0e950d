using NCovNet.Core.Evaluation;
using NCovNet.Training.Probe;

namespace NCovNet.Training.Tests.Probe;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Separable_classes_are_ranked_perfectly_and_all_classified_right()
    {
        var random = new Random(7);
        var rows = new List<double[]>();
        var positive = new List<bool>();
        for (var i = 0; i < 60; i++)
        {
            var isPositive = i % 3 == 0;
            var centre = isPositive ? 2.0 : -2.0;
            rows.Add([centre + random.NextDouble() - 0.5, centre + random.NextDouble() - 0.5, random.NextDouble()]);
            positive.Add(isPositive);
        }

        var model = LogisticRegression.Fit(rows, positive, Uniform(rows.Count), l2: 1e-3);

        var probabilities = rows.Select(model.Probability).ToList();
        Assert.Equal(1.0, BinaryMetrics.RocAuc(positive, probabilities));
        Assert.Equal(positive, probabilities.Select(p => p >= 0.5));
    }

    [Fact]
    public void Without_features_the_probability_is_the_weighted_share_of_positives()
    {
        bool[] positive = [true, true, true, false];
        var rows = positive.Select(_ => Array.Empty<double>()).ToList();

        var plain = LogisticRegression.Fit(rows, positive, Uniform(4), l2: 1);
        var balanced = LogisticRegression.Fit(rows, positive, [1.0 / 3, 1.0 / 3, 1.0 / 3, 1], l2: 1);

        Assert.Equal(0.75, plain.Probability([]), 9);
        Assert.Equal(0.5, balanced.Probability([]), 9);
    }

    [Fact]
    public void Balanced_weights_move_the_boundary_of_imbalanced_mirrored_classes_to_the_middle()
    {
        // 20 positives at 1 + q and ten copies of each mirrored negative at -1 - q: with equal class
        // weights the problem is symmetric, so the boundary sits at 0; unweighted, the 10:1 majority pushes it towards the positives.
        var quantiles = Enumerable.Range(1, 20).Select(k => (k - 10.5) / 10).ToList();
        var rows = quantiles.Select(q => new[] { 1 + q }).Concat(quantiles.SelectMany(q => Enumerable.Repeat(new[] { -1 - q }, 10))).ToList();
        var positive = rows.Select((_, i) => i < 20).ToList();
        var balancedWeights = positive.Select(p => p ? 1.0 / 20 : 1.0 / 200).ToList();

        var plain = LogisticRegression.Fit(rows, positive, Uniform(rows.Count), l2: 1e-2);
        var balanced = LogisticRegression.Fit(rows, positive, balancedWeights, l2: 1e-2);

        Assert.Equal(0, Boundary(balanced), 9);
        Assert.True(Boundary(plain) > 0.3, $"unweighted boundary {Boundary(plain)}");
        Assert.True(rows.Count(r => plain.Probability(r) >= 0.5) < rows.Count(r => balanced.Probability(r) >= 0.5));
    }

    [Fact]
    public void The_fit_is_a_stationary_point_of_the_penalised_weighted_loss()
    {
        var random = new Random(11);
        var rows = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble(), random.NextDouble() - 0.5 }).ToList();
        var positive = rows.Select(r => r[0] + (0.3 * r[1]) + (0.2 * random.NextDouble()) > 0.6).ToList();
        var weights = rows.Select(_ => 0.5 + random.NextDouble()).ToList();
        const double l2 = 0.05;

        var model = LogisticRegression.Fit(rows, positive, weights, l2);

        var total = weights.Sum();
        var residual = rows.Select((r, i) => weights[i] * (model.Probability(r) - (positive[i] ? 1 : 0)) / total).ToList();
        Assert.Equal(0, residual.Sum(), 9);
        for (var j = 0; j < 2; j++)
        {
            Assert.Equal(0, rows.Select((r, i) => residual[i] * r[j]).Sum() + (l2 * model.Coefficients[j]), 9);
        }
    }

    [Fact]
    public void The_same_data_give_the_same_coefficients()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 30).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToList();
        var positive = rows.Select(r => r[0] > r[1]).ToList();

        var first = LogisticRegression.Fit(rows, positive, Uniform(30), l2: 1e-2);
        var second = LogisticRegression.Fit(rows, positive, Uniform(30), l2: 1e-2);

        Assert.Equal(first.Coefficients, second.Coefficients);
        Assert.Equal(first.Intercept, second.Intercept);
    }

    [Fact]
    public void A_penalty_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LogisticRegression.Fit([[1.0], [2.0]], [true, false], Uniform(2), l2: 0));
    }

    private static double Boundary(LogisticRegression model) => -model.Intercept / model.Coefficients[0];

    private static List<double> Uniform(int count) => [.. Enumerable.Repeat(1.0, count)];
}
