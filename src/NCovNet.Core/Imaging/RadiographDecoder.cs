using NCovNet.Core.Dicom;
using NCovNet.Core.Imaging.Jpeg;
using NCovNet.Core.Imaging.Png;

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

        return RadiographFormatSniffer.Sniff(data) switch
        {
            RadiographFormat.Dicom => DicomDecoder.Decode(data, limits),
            RadiographFormat.Png => PngRadiographDecoder.Decode(data, limits),
            RadiographFormat.Jpeg => JpegRadiographDecoder.Decode(data, limits),
            _ => throw new RadiographDecodeException(DecodeErrorCode.UnknownFormat, "The input is not a PNG, JPEG or DICOM file."),
        };
    }
}
