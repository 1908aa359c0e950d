namespace NCovNet.Core.Dicom;

/// <summary>Encapsulated Pixel Data: the Basic Offset Table item followed by the compressed fragments.</summary>
internal sealed record DicomFragments(DicomTag Tag, DicomVr Vr, ReadOnlyMemory<byte> OffsetTable, IReadOnlyList<ReadOnlyMemory<byte>> Fragments) : DicomElement(Tag, Vr);
