using NCovNet.Core.Imaging;

namespace NCovNet.Core.Scanning;

/// <summary>
/// The stored, client-visible outcome of scoring one image: either a prediction or a typed
/// error. Serialised with <see cref="Models.ModelJson.Options"/>. Holds no patient identifiers.
/// </summary>
public sealed record ScanResult
{
    /// <summary>"succeeded" or "failed".</summary>
    public required string Status { get; init; }

    /// <summary>Predicted class name (null when failed).</summary>
    public string? Label { get; init; }

    /// <summary>Probability of the positive class (null when failed).</summary>
    public double? Probability { get; init; }

    /// <summary>Softmax probability per class name.</summary>
    public IReadOnlyDictionary<string, double>? Probabilities { get; init; }

    public double? DecisionThreshold { get; init; }

    public ModelIdentity? Model { get; init; }

    /// <summary>What the decoder learned about the input (null if it could not even be sniffed).</summary>
    public ImageMetadata? Input { get; init; }

    public StageTimings? Timings { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public ScanError? Error { get; init; }

    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

public sealed record ModelIdentity(string Name, string Version, string Sha256);

/// <summary>
/// Milliseconds spent in each stage. <see cref="InferenceMs"/> is the image's share of its batch's
/// Run; <see cref="HeatmapMs"/> is the Grad-CAM map and its upsampling to the original size;
/// <see cref="RenderMs"/> is drawing and PNG-encoding the overlay and the map (0 when not rendered).
/// </summary>
public sealed record StageTimings(double DecodeMs, double PreprocessMs, double InferenceMs, double HeatmapMs, double RenderMs = 0);

/// <summary>A typed failure: <see cref="Code"/> is stable (e.g. "unsupported-transfer-syntax"), the message is for people.</summary>
public sealed record ScanError(string Code, string Message);
