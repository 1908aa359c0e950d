namespace NCovNet.Core.Imaging;

/// <summary>The notes a reader of <see cref="ImageMetadata"/> should see about how colour and alpha became gray.</summary>
internal static class ConversionNotes
{
    public const string ColorToLuma = "colour converted to gray with BT.601 luma (0.299 R + 0.587 G + 0.114 B)";

    public const string AlphaOverBlack = "transparent pixels composited over black";

    public static IReadOnlyList<string> For(GrayConversion conversion)
    {
        var notes = new List<string>();
        if (conversion.HadColor)
        {
            notes.Add(ColorToLuma);
        }

        if (conversion.HadTransparency)
        {
            notes.Add(AlphaOverBlack);
        }

        return notes;
    }
}
