namespace NCovNet.Core.Dicom;

/// <summary>One parsed attribute of a dataset.</summary>
internal abstract record DicomElement(DicomTag Tag, DicomVr Vr);
