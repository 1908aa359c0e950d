using NCovNet.Core.Models;
using NCovNet.Training.Data;
using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using NCovNet.Training.Training;
using static TorchSharp.torch;

namespace NCovNet.Training.Evaluation;

/// <summary>Metrics of a trained model on the named splits of a data set, each image preprocessed as served.</summary>
public static class CheckpointEvaluator
{
    public static IReadOnlyDictionary<string, ClassificationMetrics> Evaluate(
        Func<EvaluationSamples, ScoredSet> score, LabeledDataset dataset, Core.Preprocessing.PreprocessingSpec spec, IEnumerable<string> splits)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(dataset);
        var metrics = new Dictionary<string, ClassificationMetrics>();
        foreach (var split in splits)
        {
            var items = dataset.Split(split);
            if (items.Count == 0)
            {
                throw new DatasetException($"The data has no '{split}' images.");
            }

            foreach (var (key, value) in SplitMetrics.Compute(split, dataset, items, score(new EvaluationSamples(dataset, items, spec))))
            {
                metrics[key] = value;
            }
        }

        return metrics;
    }

    public static Func<EvaluationSamples, ScoredSet> TorchScorer(CxrClassifier model, Device device, BatchLoader loader, CancellationToken cancel) =>
        samples => ClassifierScorer.Score(model, device, samples, loader, cancel);
}
