using NCovNet.Core.Evaluation;
using NCovNet.Core.Models;

namespace NCovNet.Training.Training;

/// <summary>Per-image positive-class probabilities and truth for a pass over a set, with its mean loss.</summary>
public sealed record ScoredSet(IReadOnlyList<int> ItemIndices, IReadOnlyList<bool> ActualPositive, IReadOnlyList<double> PositiveProbability, double Loss)
{
    public ClassificationMetrics Metrics(double threshold = 0.5) => BinaryMetrics.Compute(ActualPositive, PositiveProbability, threshold);

    /// <summary>Metrics over the examples whose item index passes <paramref name="include"/>.</summary>
    public ClassificationMetrics Metrics(Func<int, bool> include, double threshold = 0.5)
    {
        var chosen = Enumerable.Range(0, ItemIndices.Count).Where(k => include(ItemIndices[k])).ToList();
        return BinaryMetrics.Compute(chosen.Select(k => ActualPositive[k]).ToList(), chosen.Select(k => PositiveProbability[k]).ToList(), threshold);
    }
}
