namespace NCovNet.Core.Dicom;

/// <summary>A value representation: two upper-case letters, or <see cref="Unknown"/> in implicit VR data.</summary>
internal readonly record struct DicomVr(string Code)
{
    public static readonly DicomVr Unknown = new("??");
    public static readonly DicomVr SQ = new("SQ");
    public static readonly DicomVr UN = new("UN");
    public static readonly DicomVr OB = new("OB");

    /// <summary>Explicit VRs whose length is a 32-bit field after two reserved bytes (PS3.5 7.1.2).</summary>
    public bool HasLongLength => Code is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV";

    public static bool TryParse(byte first, byte second, out DicomVr vr)
    {
        var valid = first is >= (byte)'A' and <= (byte)'Z' && second is >= (byte)'A' and <= (byte)'Z';
        vr = valid ? new DicomVr(string.Create(2, (first, second), (span, pair) =>
        {
            span[0] = (char)pair.first;
            span[1] = (char)pair.second;
        })) : Unknown;
        return valid;
    }

    public override string ToString() => Code;
}
