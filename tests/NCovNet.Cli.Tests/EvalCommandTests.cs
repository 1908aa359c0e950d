using System.Text.Json;
using NCovNet.Core.Evaluation;
using NCovNet.Core.Inference;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;
using NCovNet.Core.Tests.Fixtures;
using NCovNet.Tests;

namespace NCovNet.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    /// <summary>Six real images of ../shared/data/cxr: four covid, two other pneumonia; two of them in split "val".</summary>
    private static readonly (string File, string Label, string Split)[] LabelledSet =
    [
        ("images/radiol.2020201160.fig2a.jpeg", "covid", "train"),
        ("images/nejmoa2001191_f1-PA.jpeg", "covid", "train"),
        ("images/1.CXRCTThoraximagesofCOVID-19fromSingapore.pdf-001-fig2a.png", "covid", "train"),
        ("images/ryct.2020003.fig2-a.png", "covid", "val"),
        ("images/000005-3.png", "other_pneumonia", "train"),
        ("images/pneumocystis-pneumonia-12.png", "other_pneumonia", "val"),
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_model_that_always_says_covid_gives_the_metrics_of_the_label_counts()
    {
        using var model = new TestPackage(TestModel.Constant(2f, 0f));

        var run = await CliRun.Of("eval", "--labels", WriteLabels(), "--root", SharedData.Cxr, "--model", model.Directory, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var metrics = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(6, metrics.GetProperty("count").GetInt32());
        AssertConfusion(metrics, tp: 4, fp: 2, tn: 0, fn: 0);
        Assert.Equal(4.0 / 6, metrics.GetProperty("accuracy").GetDouble(), 1e-12);
        Assert.Equal(1.0, metrics.GetProperty("sensitivity").GetDouble());
        Assert.Equal(0.0, metrics.GetProperty("specificity").GetDouble());
        Assert.Equal(4.0 / 6, metrics.GetProperty("precision").GetDouble(), 1e-12);
        Assert.Equal(0.8, metrics.GetProperty("f1").GetDouble(), 1e-12);
        Assert.Equal(0.5, metrics.GetProperty("rocAuc").GetDouble());
        Assert.Equal(
            ["accuracy", "balancedAccuracy", "confusion", "count", "decisionThreshold", "f1", "failed", "model", "positiveClass", "precision", "rocAuc", "sensitivity", "sensitivityInterval", "specificity", "specificityInterval"],
            metrics.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_model_that_never_says_covid_gives_the_mirror_image()
    {
        using var model = new TestPackage(TestModel.Constant(0f, 2f));

        var run = await CliRun.Of("eval", "--labels", WriteLabels(), "--root", SharedData.Cxr, "--model", model.Directory, "--json");

        var metrics = JsonDocument.Parse(run.Output).RootElement;
        AssertConfusion(metrics, tp: 0, fp: 0, tn: 2, fn: 4);
        Assert.Equal(2.0 / 6, metrics.GetProperty("accuracy").GetDouble(), 1e-12);
        Assert.Equal(0.0, metrics.GetProperty("sensitivity").GetDouble());
        Assert.Equal(1.0, metrics.GetProperty("specificity").GetDouble());
        Assert.Equal(0.0, metrics.GetProperty("f1").GetDouble());
    }

    [Fact]
    public async Task Metrics_of_a_real_model_equal_those_of_its_individual_scores_and_split_filters_rows()
    {
        using var model = new TestPackage();
        var expected = ExpectedMetrics(model, LabelledSet.Where(r => r.Split == "val").ToArray());

        var run = await CliRun.Of("eval", "--labels", WriteLabels(), "--root", SharedData.Cxr, "--split", "val", "--model", model.Directory, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var metrics = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(2, metrics.GetProperty("count").GetInt32());
        Assert.Equal("val", metrics.GetProperty("split").GetString());
        AssertConfusion(metrics, expected.Confusion.Tp, expected.Confusion.Fp, expected.Confusion.Tn, expected.Confusion.Fn);
        Assert.Equal(expected.RocAuc, metrics.GetProperty("rocAuc").GetDouble());
        Assert.Equal(expected, JsonSerializer.Deserialize<ClassificationMetrics>(run.Output, ModelJson.Options));
    }

    [Fact]
    public async Task Root_defaults_to_the_csv_folder_and_the_text_report_names_every_metric()
    {
        using var model = new TestPackage();
        _temp.Copy(SharedData.CxrImage(LabelledSet[0].File), "set/" + LabelledSet[0].File);
        _temp.Copy(SharedData.CxrImage(LabelledSet[4].File), "set/" + LabelledSet[4].File);
        var csv = _temp.Combine("set", "labels.csv");
        File.WriteAllText(csv, $"filename,label\n{LabelledSet[0].File},covid\n{LabelledSet[4].File},other_pneumonia\n");

        var run = await CliRun.Of("eval", "--labels", csv, "--model", model.Directory);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var name in new[] { "Images      2", "Accuracy", "Sensitivity", "Specificity", "Precision", "F1", "ROC AUC", "actual+", "actual-" })
        {
            Assert.Contains(name, run.Output);
        }
    }

    [Fact]
    public async Task A_listed_file_that_is_missing_is_reported_and_exits_4_and_an_unknown_split_exits_3()
    {
        using var model = new TestPackage();
        var csv = WriteLabels(("images/does-not-exist.png", "covid", "train"));

        var missing = await CliRun.Of("eval", "--labels", csv, "--root", SharedData.Cxr, "--split", "train", "--model", model.Directory, "--json");
        Assert.Equal(ExitCodes.SomeImagesFailed, missing.ExitCode);
        Assert.Contains("does-not-exist.png: file not found", missing.Error);
        Assert.Equal(1, JsonDocument.Parse(missing.Output).RootElement.GetProperty("failed").GetInt32());

        var unknownSplit = await CliRun.Of("eval", "--labels", csv, "--split", "test", "--model", model.Directory);
        Assert.Equal(ExitCodes.UnusableInput, unknownSplit.ExitCode);

        var noCsv = await CliRun.Of("eval", "--labels", _temp.Combine("none.csv"), "--model", model.Directory);
        Assert.Equal(ExitCodes.UnusableInput, noCsv.ExitCode);
    }

    [Fact]
    public async Task Labels_outside_the_model_classes_are_refused_naming_each_label_and_its_records()
    {
        using var model = new TestPackage(TestModel.Constant(2f, 0f));
        var csv = WriteLabels((LabelledSet[0].File, "COVID-19", "train"), (LabelledSet[4].File, "normal", "val"), (LabelledSet[1].File, "COVID-19", "val"));

        var run = await CliRun.Of("eval", "--labels", csv, "--root", SharedData.Cxr, "--model", model.Directory, "--json");

        Assert.Equal(ExitCodes.UnusableInput, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("3 row(s) have labels that are not among the model's classes (covid, other_pneumonia)", run.Error);
        Assert.Contains("'COVID-19' (records 8, 10); 'normal' (record 9)", run.Error);
    }

    [Fact]
    public async Task A_file_listed_twice_is_scored_and_counted_once_per_row()
    {
        using var model = new TestPackage(TestModel.Constant(2f, 0f));
        var csv = WriteLabels((LabelledSet[4].File, "other_pneumonia", "train"), (LabelledSet[0].File, "covid", "train"));

        var run = await CliRun.Of("eval", "--labels", csv, "--root", SharedData.Cxr, "--model", model.Directory, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        AssertConfusion(JsonDocument.Parse(run.Output).RootElement, tp: 5, fp: 3, tn: 0, fn: 0);
        Assert.Contains("warning: 2 file(s) are listed more than once", run.Error);
    }

    private string WriteLabels(params (string File, string Label, string Split)[] extra)
    {
        var path = _temp.Combine($"labels-{Guid.NewGuid():N}.csv");
        var lines = LabelledSet.Concat(extra).Select(r => $"\"{r.File}\",{r.Label},x,{r.Split}");
        File.WriteAllLines(path, lines.Prepend("filename,label,patientid,split"));
        return path;
    }

    private static ClassificationMetrics ExpectedMetrics(TestPackage model, (string File, string Label, string Split)[] rows)
    {
        using var scanner = RadiographScanner.Load(new EngineOptions
        {
            ModelDirectory = model.Directory,
            RenderHeatmaps = false,
            Inference = new InferenceOptions { Provider = ExecutionProvider.Cpu },
        });
        var scores = rows.Select(r => scanner.Scan(File.ReadAllBytes(SharedData.CxrImage(r.File))).Result.Probability!.Value).ToList();
        return BinaryMetrics.Compute(rows.Select(r => r.Label == "covid").ToList(), scores, 0.5);
    }

    private static void AssertConfusion(JsonElement metrics, int tp, int fp, int tn, int fn)
    {
        var confusion = metrics.GetProperty("confusion");
        Assert.Equal(
            (tp, fp, tn, fn),
            (confusion.GetProperty("tp").GetInt32(), confusion.GetProperty("fp").GetInt32(), confusion.GetProperty("tn").GetInt32(), confusion.GetProperty("fn").GetInt32()));
    }
}
