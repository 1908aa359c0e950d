namespace NCovNet.Training.Data;

/// <summary>One labelled radiograph of a data set: where it is, its class, split and patient.</summary>
/// <param name="Path">Absolute path of the image file.</param>
/// <param name="Label">Class name, e.g. "covid" or "other_pneumonia".</param>
/// <param name="Split">"train", "val" or "test".</param>
/// <param name="PatientGroup">Images of one patient (or near-duplicates) share it; never crosses splits.</param>
/// <param name="Source">Name of the data set it came from, e.g. "cxr" or "cxr-nih".</param>
public sealed record LabeledImage(string Path, string Label, string Split, string PatientGroup, string Source);
