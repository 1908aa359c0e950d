using System.Globalization;
using NCovNet.Training.Data;
using NCovNet.Training.Debiasing;
using NCovNet.Training.Training;
using NCovNet.Tests;

namespace NCovNet.Training.Tests.EndToEnd;

/// <summary>
/// A handful of real radiographs from both shared sets, written as one labels CSV with
/// absolute paths: 8 train (4 covid, 2 cxr other, 2 NIH) and 4 val (2 covid, 2 other).
/// </summary>
public static class TinyRunData
{
    public static string WriteLabels(string folder)
    {
        var cxr = LabelsCsvReader.Read(SharedData.CxrLabels, "cxr");
        var nih = LabelsCsvReader.Read(SharedData.CxrNihLabels, "cxr-nih");
        var chosen = new List<LabeledImage>();
        chosen.AddRange(Smallest(cxr, "covid", "train", 4));
        chosen.AddRange(Smallest(cxr, "other_pneumonia", "train", 2));
        chosen.AddRange(Smallest(nih, "other_pneumonia", "train", 2));
        chosen.AddRange(Smallest(cxr, "covid", "val", 2));
        chosen.AddRange(Smallest(nih, "other_pneumonia", "val", 2));
        var lines = new List<string> { "filename,label,split,patient_group" };
        lines.AddRange(chosen.Select(i => string.Join(',', i.Path, i.Label, i.Split, i.Source + ":" + i.PatientGroup)));
        var path = Path.Combine(folder, "labels.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>One head-only stage-1 epoch at <paramref name="size"/> px on CPU, random init, no stage 2.</summary>
    public static TrainingOptions Options(string labels, string output, int size = 64) => new()
    {
        Data = [$"tiny={labels}"],
        Pretrained = ModelSource.RandomInit,
        Architecture = "resnet18",
        Output = output,
        Device = "cpu",
        Workers = 2,
        Seed = 3,
        Debiasing = new DebiasingOptions(),
        Stage1 = new StageOptions { Size = size, BatchSize = 4, FrozenEpochs = 1, Lr = 1e-2, UnfreezeStages = 1, MaxLr = 1e-3 },
        Stage2 = new StageOptions { Enabled = false },
    };

    public static IEnumerable<LabeledImage> Smallest(IReadOnlyList<LabeledImage> images, string label, string split, int count) =>
        images.Where(i => i.Label == label && i.Split == split)
            .OrderBy(i => new FileInfo(i.Path).Length)
            .ThenBy(i => i.Path, StringComparer.Ordinal)
            .Take(count);

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
