using NCovNet.Training.Models.Onnx;

namespace NCovNet.Training.Export;

/// <summary>What `export` was asked: which checkpoint, where to, how to store weights, which splits to measure.</summary>
public sealed record ExportRequest
{
    public const string SharedDataLicence =
        "Research use only; not a medical device. Trained on images under non-commercial licences: COVID-19 image data collection " +
        "(per-image CC BY-NC-SA, CC BY, CC BY-NC-ND or unstated) and NIH ChestX-ray14 (NIH Clinical Center terms; cite Wang et al., CVPR 2017).";

    public required string Checkpoint { get; init; }

    public required string Output { get; init; }

    public required string Command { get; init; }

    public string Name { get; init; } = "ncovnet";

    public string Version { get; init; } = "1.0.0";

    public WeightStorage Weights { get; init; } = WeightStorage.Float16;

    public double Threshold { get; init; } = 0.5;

    /// <summary>Data to measure on; empty means the checkpoint's training data.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    public IReadOnlyList<string> Splits { get; init; } = ["train", "val"];

    /// <summary>The weights' terms of use, which follow from the training images' licences.</summary>
    public string Licence { get; init; } = SharedDataLicence;
}
