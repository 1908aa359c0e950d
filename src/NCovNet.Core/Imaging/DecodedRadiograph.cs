namespace NCovNet.Core.Imaging;

/// <summary>A decoded input: the display-ready gray image and what is known about it.</summary>
public sealed record DecodedRadiograph(GrayImage Image, ImageMetadata Metadata);
