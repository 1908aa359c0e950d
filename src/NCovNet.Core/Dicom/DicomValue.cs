namespace NCovNet.Core.Dicom;

/// <summary>An attribute with a plain value: the raw bytes as stored, and the byte order they use.</summary>
internal sealed record DicomValue(DicomTag Tag, DicomVr Vr, ReadOnlyMemory<byte> Bytes, bool BigEndian) : DicomElement(Tag, Vr);
