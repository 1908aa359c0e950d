using NCovNet.Core.Evaluation;
using NCovNet.Core.Preprocessing;

namespace NCovNet.Core.Models;

/// <summary>
/// model.json: everything the serving side and a reader need to know about model.onnx.
/// Written by the training console's export, read by <see cref="ModelPackage"/>.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>Format of this file; bump when fields change meaning.</summary>
    public int SchemaVersion { get; init; } = 1;

    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>e.g. "resnet18", "densenet161", "vgg16".</summary>
    public required string Architecture { get; init; }

    public required PreprocessingSpec Preprocessing { get; init; }

    /// <summary>Class names in logit order, e.g. ["covid", "other_pneumonia"].</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>The positive class for metrics and the threshold, e.g. "covid".</summary>
    public required string PositiveClass { get; init; }

    /// <summary>Probability of <see cref="PositiveClass"/> at or above which the label is positive.</summary>
    public double DecisionThreshold { get; init; } = 0.5;

    /// <summary>Names and meaning of the ONNX graph's inputs and outputs.</summary>
    public required ModelOutputs Io { get; init; }

    public required TrainingRecord Training { get; init; }

    /// <summary>Metrics by split name ("validation", "validation/covid-vs-nih", "test", ...).</summary>
    public IReadOnlyDictionary<string, ClassificationMetrics> Metrics { get; init; } = new Dictionary<string, ClassificationMetrics>();

    /// <summary>Lower-case hex SHA-256 of model.onnx; verified on load.</summary>
    public required string OnnxSha256 { get; init; }

    /// <summary>
    /// How weights are stored in model.onnx: "float32", "float16" (Cast to float) or "int8" (convolution
    /// kernels int8 per output channel through DequantizeLinear, the rest float16). Computation is float32 in every case.
    /// </summary>
    public string WeightStorage { get; init; } = "float32";
}

/// <summary>
/// The ONNX I/O contract. Input: float32 [N, 3, H, W]. Outputs: logits [N, classes];
/// features [N, C, h, w] (last convolutional feature map, after its activation);
/// cam [N, classes, h, w] = sum_k W[c, k] * features[k] / (h * w), the exact Grad-CAM
/// before ReLU for a global-average-pool + linear head.
/// </summary>
public sealed record ModelOutputs
{
    public string Input { get; init; } = "image";

    public string Logits { get; init; } = "logits";

    public string Features { get; init; } = "features";

    public string Cam { get; init; } = "cam";
}

/// <summary>Where the weights came from and how to reproduce them.</summary>
public sealed record TrainingRecord
{
    public required string Data { get; init; }

    public required string Licence { get; init; }

    public required string Command { get; init; }

    public string? StartedFrom { get; init; }

    public DateTimeOffset? TrainedAt { get; init; }

    public string? Notes { get; init; }
}

/// <summary>Binary metrics with the positive class as positive.</summary>
public sealed record ClassificationMetrics
{
    public required int Count { get; init; }

    public required double Accuracy { get; init; }

    public required double Sensitivity { get; init; }

    public required double Specificity { get; init; }

    public required double Precision { get; init; }

    public required double F1 { get; init; }

    public double? RocAuc { get; init; }

    public double BalancedAccuracy => (Sensitivity + Specificity) / 2;

    public required ConfusionMatrix Confusion { get; init; }

    /// <summary>95% Wilson interval of the sensitivity; null without positives.</summary>
    public ProportionInterval? SensitivityInterval => ProportionInterval.Wilson95(Confusion.Tp, Confusion.Tp + Confusion.Fn);

    /// <summary>95% Wilson interval of the specificity; null without negatives. On a dozen negatives it spans about half the range.</summary>
    public ProportionInterval? SpecificityInterval => ProportionInterval.Wilson95(Confusion.Tn, Confusion.Tn + Confusion.Fp);
}

public sealed record ConfusionMatrix(int Tp, int Fp, int Tn, int Fn)
{
    public int Count => Tp + Fp + Tn + Fn;
}
