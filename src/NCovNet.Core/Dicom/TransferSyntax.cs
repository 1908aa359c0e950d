namespace NCovNet.Core.Dicom;

/// <summary>A DICOM transfer syntax: its UID, name, dataset encoding and pixel encoding.</summary>
internal sealed record TransferSyntax(string Uid, string Name, DicomEncoding Encoding, PixelEncoding Pixels, bool Deflated = false)
{
    public static readonly TransferSyntax ImplicitVrLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", DicomEncoding.ImplicitLittleEndian, PixelEncoding.Native);
    public static readonly TransferSyntax ExplicitVrLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", DicomEncoding.ExplicitLittleEndian, PixelEncoding.Native);
    public static readonly TransferSyntax ExplicitVrBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", DicomEncoding.ExplicitBigEndian, PixelEncoding.Native);
    public static readonly TransferSyntax DeflatedExplicitVrLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", DicomEncoding.ExplicitLittleEndian, PixelEncoding.Native, Deflated: true);
    public static readonly TransferSyntax RleLossless = new("1.2.840.10008.1.2.5", "RLE Lossless", DicomEncoding.ExplicitLittleEndian, PixelEncoding.Rle);
    public static readonly TransferSyntax JpegBaseline = new("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", DicomEncoding.ExplicitLittleEndian, PixelEncoding.JpegBaseline);

    private static readonly Dictionary<string, TransferSyntax> Known = new TransferSyntax[]
    {
        ImplicitVrLittleEndian,
        ExplicitVrLittleEndian,
        ExplicitVrBigEndian,
        DeflatedExplicitVrLittleEndian,
        RleLossless,
        JpegBaseline,
        Encapsulated("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian"),
        Encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 and 4)"),
        Encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)"),
        Encapsulated("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])"),
        Encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression"),
        Encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression"),
        Encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)"),
        Encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression"),
        Encapsulated("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)"),
        Encapsulated("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression"),
        Encapsulated("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level"),
        Encapsulated("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1"),
        Encapsulated("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1"),
        Encapsulated("1.2.840.10008.1.2.4.110", "JPEG XL Lossless"),
        Encapsulated("1.2.840.10008.1.2.4.112", "JPEG XL"),
        Encapsulated("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)"),
        Encapsulated("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)"),
        Encapsulated("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression"),
    }.ToDictionary(syntax => syntax.Uid);

    public bool IsSupported => Pixels != PixelEncoding.Unsupported;

    /// <summary>The syntax for a UID; unknown UIDs are kept (to be named in errors) as unsupported.</summary>
    public static TransferSyntax FromUid(string uid) =>
        Known.TryGetValue(uid, out var syntax) ? syntax : Encapsulated(uid, "unknown transfer syntax");

    public override string ToString() => $"{Uid} ({Name})";

    private static TransferSyntax Encapsulated(string uid, string name) =>
        new(uid, name, DicomEncoding.ExplicitLittleEndian, PixelEncoding.Unsupported);
}
