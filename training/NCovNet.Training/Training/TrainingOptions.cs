using System.Text.Json;
using NCovNet.Core.Models;
using NCovNet.Training.Data;
using NCovNet.Training.Debiasing;

namespace NCovNet.Training.Training;

/// <summary>Everything a training run needs; read from a JSON config and/or command-line options, and stored in every checkpoint.</summary>
public sealed record TrainingOptions
{
    /// <summary>Data sources as "name=path" (labels CSV, folder with labels.csv, or class folders).</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>Class names in logit order; the first is the positive class.</summary>
    public IReadOnlyList<string> Classes { get; init; } = ["covid", "other_pneumonia"];

    /// <summary>Used with --pretrained none or a state-dict file; "cntk" fixes it to resnet18-cntk.</summary>
    public string Architecture { get; init; } = "resnet18";

    /// <summary>"cntk" (ImageNet ResNet-18 from CNTK), "none" (random init) or a path to a TorchSharp state dict.</summary>
    public string Pretrained { get; init; } = "cntk";

    /// <summary>"jet" (the paper) or "gray".</summary>
    public string ColorMap { get; init; } = "jet";

    public string Output { get; init; } = "runs/train";

    public int Seed { get; init; } = 42;

    public BalanceMode Balance { get; init; } = BalanceMode.ClassAndSource;

    /// <summary>true: weighted sampling with replacement; false: plain shuffle and class weights in the loss.</summary>
    public bool BalanceBySampling { get; init; } = true;

    /// <summary>Training images per epoch; 0 means the size of the train split.</summary>
    public int EpochSize { get; init; }

    /// <summary>Working size as a multiple of the input size (images are resized once to it and augmented there).</summary>
    public double WorkingScale { get; init; } = 1.15;

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; } = 1e-4;

    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public int Prefetch { get; init; } = 2;

    public string Device { get; init; } = "auto";

    public DebiasingOptions Debiasing { get; init; } = new();

    public StageOptions Stage1 { get; init; } = StageOptions.PaperStage1;

    public StageOptions Stage2 { get; init; } = StageOptions.PaperStage2 with { Enabled = false };

    public static TrainingOptions FromJson(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Config file '{path}' does not exist.", path);
        }

        return JsonSerializer.Deserialize<TrainingOptions>(File.ReadAllText(path), ModelJson.Options)
            ?? throw new InvalidDataException($"Config file '{path}' is empty.");
    }

    public string ToJson() => JsonSerializer.Serialize(this, ModelJson.Options);
}
