using NCovNet.Training.Data;
using NCovNet.Training.Probe;

namespace NCovNet.Training.Tests.Probe;

public sealed class PatientFoldsTests
{
    private static readonly List<LabeledImage> Images =
    [
        .. Enumerable.Range(0, 30).Select(i => new LabeledImage($"/a/{i}.png", i % 4 == 0 ? "other_pneumonia" : "covid", "train", $"p{i / 3}", "cxr")),
        .. Enumerable.Range(0, 6).Select(i => new LabeledImage($"/b/{i}.png", "other_pneumonia", "train", $"p{i}", "cxr-nih")),
    ];

    [Fact]
    public void A_patient_group_stays_in_one_fold_and_every_fold_gets_images()
    {
        var folds = PatientFolds.Assign(Images, 4, seed: 42);

        var byGroup = Images.Select((image, i) => (Group: image.Source + image.PatientGroup, Fold: folds[i])).GroupBy(p => p.Group);
        Assert.All(byGroup, g => Assert.Single(g.Select(p => p.Fold).Distinct()));
        Assert.Equal([0, 1, 2, 3], folds.Distinct().Order());
    }

    [Fact]
    public void The_seed_fixes_the_assignment()
    {
        Assert.Equal(PatientFolds.Assign(Images, 5, seed: 1), PatientFolds.Assign(Images, 5, seed: 1));
        Assert.NotEqual(PatientFolds.Assign(Images, 5, seed: 1), PatientFolds.Assign(Images, 5, seed: 2));
    }

    [Fact]
    public void Fewer_groups_than_folds_is_a_dataset_error()
    {
        var error = Assert.Throws<DatasetException>(() => PatientFolds.Assign(Images.Take(3).ToList(), 2, seed: 1));

        Assert.Contains("at least 2 patient groups", error.Message, StringComparison.Ordinal);
    }
}
