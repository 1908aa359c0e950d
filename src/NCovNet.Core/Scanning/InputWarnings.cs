using NCovNet.Core.Imaging;

namespace NCovNet.Core.Scanning;

/// <summary>
/// Reasons to read a prediction with care, found in the input's metadata. Each warning is
/// "code: explanation" with a stable kebab-case code.
/// </summary>
public static class InputWarnings
{
    /// <summary>Images smaller than this on their shorter side have lost the detail the model reads.</summary>
    public const int SmallImageSide = 256;

    private static readonly string[] RadiographModalities = ["CR", "DX", "DR", "RG"];

    public static IReadOnlyList<string> For(ImageMetadata input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var warnings = new List<string>();
        if (IsLateral(input.ViewPosition))
        {
            warnings.Add($"lateral-view: view position '{input.ViewPosition}' is lateral; the model reads frontal (PA/AP) radiographs");
        }

        if (input.Modality is { } modality && !RadiographModalities.Contains(modality.Trim().ToUpperInvariant()))
        {
            warnings.Add($"non-radiograph-modality: modality '{modality}' is not a plain radiograph (CR, DX); the model reads chest X-rays");
        }

        if (Math.Min(input.Width, input.Height) < SmallImageSide)
        {
            warnings.Add($"small-image: {input.Width}x{input.Height} px is below {SmallImageSide} px on a side; fine detail is missing");
        }

        if (IsColor(input))
        {
            warnings.Add($"color-input: the {input.Photometric} image has colour content (annotations, a photo?); it was read as gray");
        }

        if (input.Frames > 1)
        {
            warnings.Add($"multi-frame: the file has {input.Frames} frames; only the first was scored");
        }

        return warnings;
    }

    private static bool IsLateral(string? view) =>
        view is not null && (view.Trim().ToUpperInvariant() is "LL" or "RL" or "LLD" or "RLD" || view.Contains("LAT", StringComparison.OrdinalIgnoreCase));

    private static bool IsColor(ImageMetadata input) =>
        !input.ColorWasGray
        && !input.Photometric.StartsWith("GRAY", StringComparison.OrdinalIgnoreCase)
        && !input.Photometric.StartsWith("MONOCHROME", StringComparison.OrdinalIgnoreCase);
}
