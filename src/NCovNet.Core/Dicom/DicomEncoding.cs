namespace NCovNet.Core.Dicom;

/// <summary>How a dataset's elements are encoded: explicit or implicit VR, byte order.</summary>
internal readonly record struct DicomEncoding(bool ExplicitVr, bool BigEndian)
{
    public static readonly DicomEncoding ImplicitLittleEndian = new(false, false);
    public static readonly DicomEncoding ExplicitLittleEndian = new(true, false);
    public static readonly DicomEncoding ExplicitBigEndian = new(true, true);
}
