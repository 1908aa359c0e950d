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
    /// <summary>The evaluation samples of each split, decoded once and shared by every scorer that measures them.</summary>
    public static IReadOnlyDictionary<string, EvaluationSamples> Samples(LabeledDataset dataset, Core.Preprocessing.PreprocessingSpec spec, IEnumerable<string> splits)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var samples = new Dictionary<string, EvaluationSamples>();
        foreach (var split in splits)
        {
            var items = dataset.Split(split);
            if (items.Count == 0)
            {
                throw new DatasetException($"The data has no '{split}' images.");
            }

            samples[split] = new EvaluationSamples(dataset, items, spec);
        }

        return samples;
    }

    public static IReadOnlyDictionary<string, ClassificationMetrics> Evaluate(Func<EvaluationSamples, ScoredSet> score, LabeledDataset dataset, IReadOnlyDictionary<string, EvaluationSamples> samples)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(samples);
        var metrics = new Dictionary<string, ClassificationMetrics>();
        foreach (var (split, splitSamples) in samples)
        {
            foreach (var (key, value) in SplitMetrics.Compute(split, dataset, splitSamples.Items, score(splitSamples)))
            {
                metrics[key] = value;
            }
        }

        return metrics;
    }

    public static Func<EvaluationSamples, ScoredSet> TorchScorer(CxrClassifier model, Device device, BatchLoader loader, CancellationToken cancel) =>
        samples => ClassifierScorer.Score(model, device, samples, loader, cancel);
}
