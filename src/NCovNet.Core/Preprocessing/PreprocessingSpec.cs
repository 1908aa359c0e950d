using System.Text.Json.Serialization;

namespace NCovNet.Core.Preprocessing;

/// <summary>
/// How a gray radiograph becomes the model's NCHW float tensor. Data, not code: every model
/// package carries its own in model.json, and training writes the one it used.
/// Pipeline: resize to <see cref="Width"/> x <see cref="Height"/>, map intensity to RGB
/// (<see cref="ColorMap"/>), scale to [0, 1], then (x - mean[c]) / std[c] per channel, channels
/// written in <see cref="ChannelOrder"/>.
/// </summary>
public sealed record PreprocessingSpec
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>"jet" (OpenCV COLORMAP_JET on the full-range intensity) or "gray" (replicated to 3 channels).</summary>
    public required string ColorMap { get; init; }

    /// <summary>"RGB" or "BGR": the order of the three channels in the tensor.</summary>
    public string ChannelOrder { get; init; } = "RGB";

    /// <summary>Per-channel mean, on the [0, 1] scale, in tensor channel order.</summary>
    public required float[] Mean { get; init; }

    /// <summary>Per-channel standard deviation, on the [0, 1] scale, in tensor channel order.</summary>
    public required float[] Std { get; init; }

    /// <summary>Resampling filter for the resize: "bilinear" (default; matches training).</summary>
    public string Resize { get; init; } = "bilinear";

    public static IReadOnlyList<string> SupportedColorMaps { get; } = ["jet", "gray"];

    public static IReadOnlyList<string> SupportedChannelOrders { get; } = ["RGB", "BGR"];

    public static IReadOnlyList<string> SupportedResizes { get; } = ["bilinear"];

    /// <summary>ImageNet statistics (torchvision), RGB.</summary>
    public static PreprocessingSpec ImageNet(int size, string colorMap = "jet") => new()
    {
        Width = size,
        Height = size,
        ColorMap = colorMap,
        Mean = [0.485f, 0.456f, 0.406f],
        Std = [0.229f, 0.224f, 0.225f],
    };

    [JsonIgnore]
    public int TensorLength => 3 * Width * Height;

    /// <summary>Returns the reasons this spec cannot be served, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Width is < 8 or > 4096 || Height is < 8 or > 4096)
        {
            problems.Add($"input size {Width}x{Height} is outside 8..4096");
        }

        if (!SupportedColorMaps.Contains(ColorMap))
        {
            problems.Add($"colorMap '{ColorMap}' is not one of {string.Join(", ", SupportedColorMaps)}");
        }

        if (!SupportedChannelOrders.Contains(ChannelOrder))
        {
            problems.Add($"channelOrder '{ChannelOrder}' is not one of {string.Join(", ", SupportedChannelOrders)}");
        }

        if (!SupportedResizes.Contains(Resize))
        {
            problems.Add($"resize '{Resize}' is not one of {string.Join(", ", SupportedResizes)}");
        }

        if (Mean is not { Length: 3 } || Std is not { Length: 3 })
        {
            problems.Add("mean and std must have 3 values each");
        }
        else if (Std.Any(s => !(s > 0f)))
        {
            problems.Add("std values must be positive");
        }

        return problems;
    }
}
