namespace NCovNet.Core.Dicom;

/// <summary>
/// Modality values to display intensities in [0, 1] (PS3.3 C.11.2). In order of preference:
/// the VOI LUT Sequence (first item, output scaled by its bit depth), the first Window
/// Center/Width pair (LINEAR, LINEAR_EXACT or SIGMOID per VOI LUT Function), or the image's
/// own minimum..maximum.
/// </summary>
internal sealed class VoiTransform
{
    private readonly Func<double, double> map;

    private VoiTransform(string description, Func<double, double> map)
    {
        Description = description;
        this.map = map;
    }

    public string Description { get; }

    public static VoiTransform Read(DicomDataset dataset, bool signedInput, double minimum, double maximum)
    {
        if (dataset.GetSequenceItems(DicomTags.VoiLutSequence) is [var item, ..])
        {
            var lut = DicomLut.Read(item, signedInput);
            return new VoiTransform("VOI LUT Sequence", value => lut.Lookup(value) / lut.MaxOutput);
        }

        if (dataset.GetDecimals(DicomTags.WindowCenter) is [var center, ..]
            && dataset.GetDecimals(DicomTags.WindowWidth) is [var width, ..])
        {
            var function = dataset.GetString(DicomTags.VoiLutFunction) ?? "LINEAR";
            var window = Window(function, center, width);
            if (window is not null)
            {
                return window;
            }
        }

        return MinMax(minimum, maximum);
    }

    public double Apply(double value) => Math.Clamp(map(value), 0, 1);

    private static VoiTransform? Window(string function, double center, double width) => function switch
    {
        "LINEAR" when width >= 1 => new VoiTransform(
            $"window center {center}, width {width}",
            value => ((value - (center - 0.5)) / Math.Max(width - 1, 1e-9)) + 0.5),
        "LINEAR_EXACT" when width > 0 => new VoiTransform(
            $"window center {center}, width {width} (LINEAR_EXACT)",
            value => ((value - center) / width) + 0.5),
        "SIGMOID" when width > 0 => new VoiTransform(
            $"window center {center}, width {width} (SIGMOID)",
            value => 1 / (1 + Math.Exp(-4 * (value - center) / width))),
        _ => null,
    };

    private static VoiTransform MinMax(double minimum, double maximum)
    {
        var range = maximum - minimum;
        return range > 0
            ? new VoiTransform($"image range {minimum}..{maximum}", value => (value - minimum) / range)
            : new VoiTransform($"constant image {minimum}", _ => 0);
    }
}
