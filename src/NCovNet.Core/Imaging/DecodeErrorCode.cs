namespace NCovNet.Core.Imaging;

/// <summary>Why an input could not be decoded. Serialised as the kebab-case strings in <see cref="DecodeErrorCodes"/>.</summary>
public enum DecodeErrorCode
{
    /// <summary>Zero bytes.</summary>
    Empty,

    /// <summary>Not PNG, JPEG or DICOM.</summary>
    UnknownFormat,

    /// <summary>The data ends before the structure it declares.</summary>
    Truncated,

    /// <summary>Structurally invalid (bad tag lengths, impossible values, corrupt codec data).</summary>
    Malformed,

    /// <summary>The input is larger than the configured byte limit.</summary>
    TooManyBytes,

    /// <summary>The declared pixel count exceeds the configured limit (decompression bomb guard).</summary>
    TooManyPixels,

    /// <summary>DICOM sequences nested deeper than the configured limit.</summary>
    NestingTooDeep,

    /// <summary>A DICOM transfer syntax this decoder does not implement (named in the message).</summary>
    UnsupportedTransferSyntax,

    /// <summary>A known container with content this decoder does not handle (e.g. a PNG/JPEG variant, a photometric interpretation).</summary>
    UnsupportedContent,

    /// <summary>The file holds no image (e.g. DICOM without Pixel Data).</summary>
    NoPixelData,
}

public static class DecodeErrorCodes
{
    public static string ToCode(this DecodeErrorCode code) => code switch
    {
        DecodeErrorCode.Empty => "empty",
        DecodeErrorCode.UnknownFormat => "unknown-format",
        DecodeErrorCode.Truncated => "truncated",
        DecodeErrorCode.Malformed => "malformed",
        DecodeErrorCode.TooManyBytes => "too-many-bytes",
        DecodeErrorCode.TooManyPixels => "too-many-pixels",
        DecodeErrorCode.NestingTooDeep => "nesting-too-deep",
        DecodeErrorCode.UnsupportedTransferSyntax => "unsupported-transfer-syntax",
        DecodeErrorCode.UnsupportedContent => "unsupported-content",
        DecodeErrorCode.NoPixelData => "no-pixel-data",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
