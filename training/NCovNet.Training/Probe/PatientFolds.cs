using NCovNet.Training.Data;

namespace NCovNet.Training.Probe;

/// <summary>
/// Assigns images to k cross-validation folds by patient group (within its source), so that no
/// patient has images on both sides of a fold; the groups are shuffled by the seed, then dealt round-robin.
/// </summary>
public static class PatientFolds
{
    /// <summary>The fold (0..k-1) of each image.</summary>
    public static int[] Assign(IReadOnlyList<LabeledImage> images, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var groups = images.Select(Group).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (groups.Length < folds)
        {
            throw new DatasetException($"{folds}-fold cross-validation needs at least {folds} patient groups in the training images; there are {groups.Length}. Lower --folds or give --l2.");
        }

        new Random(seed).Shuffle(groups);
        var fold = groups.Select((g, k) => (g, k % folds)).ToDictionary(p => p.g, p => p.Item2, StringComparer.Ordinal);
        return [.. images.Select(i => fold[Group(i)])];
    }

    private static string Group(LabeledImage image) => image.Source + "\n" + image.PatientGroup;
}
