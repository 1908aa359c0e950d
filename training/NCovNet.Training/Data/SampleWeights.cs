namespace NCovNet.Training.Data;

/// <summary>
/// Per-image weights that give every class (and with <see cref="BalanceMode.ClassAndSource"/>
/// every source within a class) the same total weight. With ../shared/data/cxr + cxr-nih that
/// means covid 1/2, cxr other 1/4, cxr-nih other 1/4: the 50 cxr "other" images count as much as
/// the 238 NIH ones, so "looks like NIH" is not a shortcut to the negative class.
/// Weights sum to 1.
/// </summary>
public static class SampleWeights
{
    public static double[] Compute(IReadOnlyList<LabeledImage> images, BalanceMode mode)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            return [];
        }

        if (mode == BalanceMode.None)
        {
            return Enumerable.Repeat(1.0 / images.Count, images.Count).ToArray();
        }

        var classes = images.Select(i => i.Label).Distinct().Count();
        var classSizes = images.GroupBy(i => i.Label).ToDictionary(g => g.Key, g => g.Count());
        var sourcesPerClass = images.GroupBy(i => i.Label).ToDictionary(g => g.Key, g => g.Select(i => i.Source).Distinct().Count());
        var strata = images.GroupBy(i => (i.Label, i.Source)).ToDictionary(g => g.Key, g => g.Count());
        return images
            .Select(i => mode == BalanceMode.Class
                ? 1.0 / classes / classSizes[i.Label]
                : 1.0 / classes / sourcesPerClass[i.Label] / strata[(i.Label, i.Source)])
            .ToArray();
    }

    /// <summary>Cross-entropy class weights n / (k * n_c), the loss-side alternative to weighted sampling.</summary>
    public static float[] ClassLossWeights(IReadOnlyList<LabeledImage> images, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(classes);
        return classes
            .Select(c => images.Count(i => i.Label == c))
            .Select(n => n == 0 ? 0f : (float)images.Count / (classes.Count * n))
            .ToArray();
    }
}
