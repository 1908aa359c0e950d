using NCovNet.Training.Data;
using NCovNet.Tests;

namespace NCovNet.Training.Tests.Data;

public sealed class LabeledDatasetTests
{
    private static readonly string[] Classes = ["covid", "other_pneumonia"];

    [Fact]
    public void Loads_both_shared_sets_with_their_source_names()
    {
        var dataset = LabeledDataset.Load([DataSource.Parse($"cxr={SharedData.Cxr}"), DataSource.Parse($"cxr-nih={SharedData.CxrNih}")], Classes);

        Assert.Equal(684, dataset.Images.Count);
        Assert.Equal(62 + 280, dataset.Images.Count(i => i.Label == "other_pneumonia"));
        Assert.Equal(42, dataset.Split("val").Count(i => i.Source == "cxr-nih"));
        Assert.Equal("covid", dataset.PositiveClass);
        Assert.Equal(1, dataset.ClassIndex(dataset.Images.First(i => i.Source == "cxr-nih")));
    }

    [Fact]
    public void A_bare_path_is_named_after_its_folder()
    {
        Assert.Equal("cxr-nih", DataSource.Parse(SharedData.CxrNih).Name);
        Assert.Equal("cxr-nih", DataSource.Parse(SharedData.CxrNihLabels).Name);
    }

    [Fact]
    public void A_patient_group_in_two_splits_is_refused()
    {
        using var folder = new TempFolder();
        var a = SharedData.CxrImage(TestImages.CovidJpeg);
        var b = SharedData.CxrImage(TestImages.CovidPng);
        var csv = folder.Write("labels.csv", $"filename,label,split,patient_group\n{a},covid,train,p1\n{b},covid,val,p1\n");

        var error = Assert.Throws<DatasetException>(() => LabeledDataset.Load([new DataSource("leaky", csv)], Classes));

        Assert.Contains("'p1' in train and val", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimal_csv_without_patient_group_loads_with_each_file_in_its_own_group()
    {
        using var folder = new TempFolder();
        var a = SharedData.CxrImage(TestImages.CovidJpeg);
        var b = SharedData.CxrImage(TestImages.CovidPng);
        var csv = folder.Write("labels.csv", $"filename,label,split\n{a},covid,train\n{b},other_pneumonia,val\n");

        var dataset = LabeledDataset.Load([new DataSource("minimal", csv)], Classes);

        Assert.Equal(["train", "val"], dataset.Images.Select(i => i.Split));
        Assert.Equal([a, b], dataset.Images.Select(i => i.PatientGroup));
    }

    [Fact]
    public void An_unknown_label_is_refused()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("labels.csv", $"filename,label,split,patient_group\n{SharedData.CxrImage(TestImages.CovidJpeg)},normal,train,p1\n");

        Assert.Contains("normal", Assert.Throws<DatasetException>(() => LabeledDataset.Load([new DataSource("x", csv)], Classes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_named_folders_are_read_as_split_and_label()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "train", "covid"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "val", "other_pneumonia"));
        File.Copy(SharedData.CxrImage(TestImages.CovidJpeg), Path.Combine(folder.Path, "train", "covid", "a.jpeg"));
        File.Copy(SharedData.CxrImage(TestImages.CovidPng), Path.Combine(folder.Path, "val", "other_pneumonia", "b.png"));

        var dataset = LabeledDataset.Load([new DataSource("folders", folder.Path)], Classes);

        Assert.Equal(2, dataset.Images.Count);
        Assert.Equal(("train", "covid"), (dataset.Images[0].Split, dataset.Images[0].Label));
        Assert.Equal(("val", "other_pneumonia"), (dataset.Images[1].Split, dataset.Images[1].Label));
    }
}
