namespace NCovNet.Core.Imaging;

/// <summary>The gray intensities read from a decoded image, what was found on the way, and the stored-sample hash.</summary>
internal sealed record GrayConversion(GrayImage Image, bool HadColor, bool HadTransparency, string PixelSha256);
