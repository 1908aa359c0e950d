namespace NCovNet.Core.Imaging;

/// <summary>The container formats <see cref="RadiographDecoder"/> recognises by their first bytes.</summary>
public enum RadiographFormat
{
    Unknown,
    Png,
    Jpeg,
    Dicom,
}
