using NCovNet.Core.Dicom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Imaging;

/// <summary>
/// Entry point for every input a clinic sends: sniffs the format (PNG, JPEG, DICOM) and
/// returns a display-ready gray image with its metadata, or throws
/// <see cref="RadiographDecodeException"/>.
/// </summary>
public static class RadiographDecoder
{
    public static DecodedRadiograph Decode(byte[] data, DecodeLimits? limits = null)
    {
        limits ??= DecodeLimits.Default;
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            throw new RadiographDecodeException(DecodeErrorCode.Empty, "The input is empty (0 bytes).");
        }

        if (data.Length > limits.MaxBytes)
        {
            throw new RadiographDecodeException(DecodeErrorCode.TooManyBytes, $"The input has {data.Length} bytes; the limit is {limits.MaxBytes}.");
        }

        if (DicomDecoder.LooksLikeDicom(data))
        {
            return DicomDecoder.Decode(data, limits);
        }

        // Initial PNG/JPEG path; the full decoder (bit depths, palette, colour rule, limits) replaces this.
        try
        {
            using var image = Image.Load<L16>(data, out var format);
            var pixels = new float[image.Width * image.Height];
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = 0; x < row.Length; x++)
                    {
                        pixels[(y * rows.Width) + x] = row[x].PackedValue / 65535f;
                    }
                }
            });
            var metadata = new ImageMetadata
            {
                Format = format.Name.ToLowerInvariant(),
                Width = image.Width,
                Height = image.Height,
                BitsStored = 8,
                Photometric = "GRAY",
            };
            return new DecodedRadiograph(new GrayImage(image.Width, image.Height, pixels), metadata);
        }
        catch (UnknownImageFormatException e)
        {
            throw new RadiographDecodeException(DecodeErrorCode.UnknownFormat, "The input is not a PNG, JPEG or DICOM file.", e);
        }
        catch (InvalidImageContentException e)
        {
            throw new RadiographDecodeException(DecodeErrorCode.Malformed, $"The image data is invalid: {e.Message}", e);
        }
    }
}
