namespace NCovNet.Core.Dicom;

/// <summary>How a transfer syntax stores Pixel Data, as far as this decoder is concerned.</summary>
internal enum PixelEncoding
{
    /// <summary>Uncompressed samples in the dataset's byte order.</summary>
    Native,

    /// <summary>Encapsulated RLE Lossless (PS3.5 annex G).</summary>
    Rle,

    /// <summary>Encapsulated JPEG baseline, 8-bit (process 1).</summary>
    JpegBaseline,

    /// <summary>A syntax this decoder cannot decode.</summary>
    Unsupported,
}
