using NCovNet.Core.Imaging;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>
/// What decoding a shared file must give, derived from its manifest.csv and
/// reference_pixels.csv rows alone: null when it decodes, else the error code.
/// </summary>
public static class ExpectedDicomOutcome
{
    /// <summary>The transfer syntaxes issue 2 requires (uncompressed, deflated, RLE, JPEG baseline).</summary>
    public static readonly IReadOnlySet<string> SupportedSyntaxes = new HashSet<string>
    {
        "1.2.840.10008.1.2",
        "1.2.840.10008.1.2.1",
        "1.2.840.10008.1.2.2",
        "1.2.840.10008.1.2.1.99",
        "1.2.840.10008.1.2.5",
        "1.2.840.10008.1.2.4.50",
    };

    public static DecodeErrorCode? For(DicomManifestEntry entry, ReferencePixels reference)
    {
        if (entry.TransferSyntaxUid.Length > 0 && !SupportedSyntaxes.Contains(entry.TransferSyntaxUid))
        {
            return DecodeErrorCode.UnsupportedTransferSyntax;
        }

        // The reference toolkits only found the dataset after skipping leading bytes: not recognisable as DICOM.
        if (entry.HeaderSource.Contains("from byte", StringComparison.Ordinal))
        {
            return DecodeErrorCode.UnknownFormat;
        }

        if (entry.Rows is null || entry.Columns is null)
        {
            return DecodeErrorCode.Malformed;
        }

        if (entry.BitsAllocated is not (8 or 16))
        {
            return DecodeErrorCode.UnsupportedContent;
        }

        if (reference.Decoded)
        {
            return null;
        }

        // Supported syntax, complete header, yet no reference decode: the pixel data itself is bad.
        return entry.Compression == "none" ? DecodeErrorCode.Truncated : DecodeErrorCode.Malformed;
    }

    /// <summary>Lossless encodings must reproduce the reference values bit for bit.</summary>
    public static bool IsLossless(DicomManifestEntry entry) => entry.TransferSyntaxUid != "1.2.840.10008.1.2.4.50";
}
