namespace NCovNet.Core.Dicom;

/// <summary>A sequence attribute (SQ, or UN of undefined length): nested datasets.</summary>
internal sealed record DicomSequence(DicomTag Tag, DicomVr Vr, IReadOnlyList<DicomDataset> Items) : DicomElement(Tag, Vr);
