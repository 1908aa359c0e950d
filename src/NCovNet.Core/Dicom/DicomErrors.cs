using NCovNet.Core.Imaging;

namespace NCovNet.Core.Dicom;

/// <summary>The typed errors the DICOM decoder raises; messages never contain attribute values of patients.</summary>
internal static class DicomErrors
{
    public static RadiographDecodeException Truncated(string what) =>
        new(DecodeErrorCode.Truncated, $"DICOM data is truncated: {what}.");

    public static RadiographDecodeException Malformed(string what, Exception? inner = null) =>
        new(DecodeErrorCode.Malformed, $"DICOM data is malformed: {what}.", inner);

    public static RadiographDecodeException Unsupported(string what) =>
        new(DecodeErrorCode.UnsupportedContent, $"DICOM content is not supported: {what}.");
}
