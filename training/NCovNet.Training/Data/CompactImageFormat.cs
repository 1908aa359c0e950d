namespace NCovNet.Training.Data;

/// <summary>How <see cref="DownscaledCopyWriter"/> stores images: lossless 8-bit gray PNG or 8-bit gray JPEG.</summary>
public enum CompactImageFormat
{
    Png,
    Jpeg,
}
