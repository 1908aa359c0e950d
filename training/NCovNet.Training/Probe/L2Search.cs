using NCovNet.Core.Evaluation;

namespace NCovNet.Training.Probe;

/// <summary>
/// Chooses the L2 penalty by patient-grouped k-fold cross-validation on the training rows: every
/// candidate is fitted k times, each held-out fold is scored, and the candidate whose pooled
/// out-of-fold predictions have the lowest class-weighted log loss wins (ties: the larger penalty).
/// </summary>
public static class L2Search
{
    public static IReadOnlyList<double> DefaultGrid { get; } = [1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000];

    public static L2SearchResult Run(FeatureSet train, IReadOnlyList<double> grid, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Count == 0 || grid.Any(l2 => l2 <= 0))
        {
            throw new ArgumentException("The L2 grid needs at least one penalty, all above 0.", nameof(grid));
        }

        var fold = PatientFolds.Assign(train.Items, folds, seed);
        var positive = train.Positive;
        var weights = train.BalancedWeights();
        var scores = grid.Select(l2 =>
        {
            var outOfFold = new double[train.Count];
            for (var k = 0; k < folds; k++)
            {
                var heldOut = Enumerable.Range(0, train.Count).Where(i => fold[i] == k).ToList();
                var probe = LinearProbe.Fit(train.Subset(Enumerable.Range(0, train.Count).Where(i => fold[i] != k)), l2);
                var scored = probe.Score(train.Subset(heldOut));
                for (var j = 0; j < heldOut.Count; j++)
                {
                    outOfFold[heldOut[j]] = scored.PositiveProbability[j];
                }
            }

            var metrics = BinaryMetrics.Compute(positive, outOfFold);
            return new L2Score(l2, LogisticRegression.LogLoss(outOfFold, positive, weights), metrics.BalancedAccuracy, metrics.RocAuc);
        }).ToList();
        var best = scores.OrderBy(s => s.WeightedLogLoss).ThenByDescending(s => s.L2).First();
        return new L2SearchResult(best.L2, folds, scores);
    }
}
