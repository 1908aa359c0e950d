namespace NCovNet.Core.Imaging.Jpeg;

/// <summary>What a JPEG's start-of-frame (SOFn) segment declares.</summary>
/// <param name="Marker">The SOF marker byte (0xC0 baseline, 0xC1 extended, 0xC2 progressive, 0xC3 lossless...).</param>
internal sealed record JpegFrameHeader(byte Marker, int Precision, int Width, int Height, int Components)
{
    /// <summary>Huffman-coded DCT processes ImageSharp 2.1 decodes: baseline, extended sequential, progressive.</summary>
    public bool IsHuffmanDct => Marker is 0xC0 or 0xC1 or 0xC2;

    public string ProcessName => Marker switch
    {
        0xC0 => "baseline",
        0xC1 => "extended sequential",
        0xC2 => "progressive",
        0xC3 => "lossless",
        0xC5 or 0xC6 or 0xC7 => "hierarchical",
        _ => "arithmetic-coded",
    };
}
