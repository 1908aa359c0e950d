namespace NCovNet.Core.Imaging;

/// <summary>The channels a PNG/JPEG file stores per pixel, in order: what <see cref="ImageMetadata.PixelSha256"/> covers.</summary>
internal enum StoredChannels
{
    Gray,
    GrayAlpha,
    Rgb,
    Rgba,
}
