using NCovNet.Training.Data;

namespace NCovNet.Training.Probe;

/// <summary>Feature rows of labelled images (row i belongs to Items[i]), with the data set that names their classes.</summary>
public sealed record FeatureSet(LabeledDataset Dataset, IReadOnlyList<LabeledImage> Items, IReadOnlyList<double[]> Rows)
{
    public int Count => Items.Count;

    public IReadOnlyList<bool> Positive => [.. Items.Select(i => i.Label == Dataset.PositiveClass)];

    /// <summary>Per-row loss weights that give each class the same total weight (training's loss-side balance).</summary>
    public double[] BalancedWeights()
    {
        var classWeights = SampleWeights.ClassLossWeights(Items, Dataset.Classes);
        return [.. Items.Select(i => (double)classWeights[Dataset.ClassIndex(i)])];
    }

    public FeatureSet Subset(IEnumerable<int> indices)
    {
        var chosen = indices.ToList();
        return this with { Items = [.. chosen.Select(i => Items[i])], Rows = [.. chosen.Select(i => Rows[i])] };
    }
}
