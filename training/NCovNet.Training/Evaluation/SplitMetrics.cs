using NCovNet.Core.Models;
using NCovNet.Training.Data;
using NCovNet.Training.Training;

namespace NCovNet.Training.Evaluation;

/// <summary>
/// Metrics of one split under model.json's names ("validation", "train", "test"), plus one
/// entry per source of negatives, "&lt;split&gt;/covid-vs-&lt;source&gt;": all positives of the
/// split against that source's negatives only, so that a source shortcut shows (a model that
/// learned "looks like NIH" scores well against cxr-nih and badly against cxr's other pneumonias).
/// </summary>
public static class SplitMetrics
{
    public static string SplitKey(string split) => split == "val" ? "validation" : split;

    public static IReadOnlyDictionary<string, ClassificationMetrics> Compute(string split, LabeledDataset dataset, IReadOnlyList<LabeledImage> items, ScoredSet scores, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(scores);
        var key = SplitKey(split);
        var result = new Dictionary<string, ClassificationMetrics> { [key] = scores.Metrics(threshold) };
        var negativeSources = items.Where(i => i.Label != dataset.PositiveClass).Select(i => i.Source).Distinct().Order(StringComparer.Ordinal).ToList();
        if (negativeSources.Count < 2)
        {
            return result;
        }

        foreach (var source in negativeSources)
        {
            result[$"{key}/{dataset.PositiveClass}-vs-{source}"] = scores.Metrics(i => items[i].Label == dataset.PositiveClass || items[i].Source == source, threshold);
        }

        return result;
    }
}
