namespace NCovNet.Core.Dicom;

/// <summary>A DICOM attribute tag (group, element).</summary>
internal readonly record struct DicomTag(ushort Group, ushort Element)
{
    public override string ToString() => $"({Group:X4},{Element:X4})";
}
