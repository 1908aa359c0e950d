using NCovNet.Training.Data;
using NCovNet.Tests;

namespace NCovNet.Training.Tests.Data;

public sealed class LabelsCsvReaderTests
{
    [Fact]
    public void Reads_every_row_of_the_cxr_labels_with_absolute_existing_paths()
    {
        var images = LabelsCsvReader.Read(SharedData.CxrLabels, "cxr");

        Assert.Equal(404, images.Count);
        Assert.Equal(342, images.Count(i => i.Label == "covid"));
        Assert.Equal(328, images.Count(i => i.Split == "train"));
        Assert.All(images, i => Assert.True(Path.IsPathFullyQualified(i.Path) && File.Exists(i.Path)));
        Assert.All(images, i => Assert.Equal("cxr", i.Source));
    }

    [Fact]
    public void Quoted_fields_with_commas_do_not_shift_the_columns()
    {
        // cxr-nih's licence column is quoted and holds commas.
        var images = LabelsCsvReader.Read(SharedData.CxrNihLabels, "cxr-nih");

        Assert.Equal(280, images.Count);
        Assert.All(images, i => Assert.Equal("other_pneumonia", i.Label));
        Assert.Equal(238, images.Count(i => i.Split == "train"));
        Assert.All(images, i => Assert.StartsWith("nih:", i.PatientGroup, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_columns_and_missing_files_are_typed_errors()
    {
        using var folder = new TempFolder();
        var noSplit = folder.Write("no-split.csv", "filename,label,patient_group\nx.png,covid,1\n");
        var missingFile = folder.Write("missing.csv", "filename,label,split,patient_group\nnot-there.png,covid,train,1\n");

        Assert.Contains("split", Assert.Throws<DatasetException>(() => LabelsCsvReader.Read(noSplit, "t")).Message, StringComparison.Ordinal);
        Assert.Contains("not-there.png", Assert.Throws<DatasetException>(() => LabelsCsvReader.Read(missingFile, "t")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_patient_group_every_file_is_its_own_group_and_one_warning_says_leaks_go_unchecked()
    {
        using var folder = new TempFolder();
        var (a, b) = (SharedData.CxrImage(TestImages.CovidJpeg), SharedData.CxrImage(TestImages.CovidPng));
        var csv = folder.Write("minimal.csv", $"filename,label,split\n{a},covid,train\n{b},covid,val\n");
        using var warnings = new StringWriter();

        var images = LabelsCsvReader.Read(csv, "minimal", warnings);

        Assert.Equal([a, b], images.Select(i => i.PatientGroup));
        Assert.Equal(["train", "val"], images.Select(i => i.Split));
        var warning = Assert.Single(warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no patient_group column", warning, StringComparison.Ordinal);
        Assert.Contains("cannot be detected", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void With_patient_group_nothing_is_warned()
    {
        using var warnings = new StringWriter();

        LabelsCsvReader.Read(SharedData.CxrLabels, "cxr", warnings);

        Assert.Equal("", warnings.ToString());
    }
}
