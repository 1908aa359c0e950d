namespace NCovNet.Core.Dicom;

/// <summary>
/// Stored values to modality units (PS3.3 C.11.1): the Modality LUT Sequence when present,
/// otherwise Rescale Slope/Intercept (identity when absent).
/// </summary>
internal sealed class ModalityTransform
{
    private readonly DicomLut? lut;
    private readonly double slope;
    private readonly double intercept;

    private ModalityTransform(DicomLut? lut, double slope, double intercept)
    {
        this.lut = lut;
        this.slope = slope;
        this.intercept = intercept;
    }

    /// <summary>True for rescale: the extreme stored values then map to the extreme modality values.</summary>
    public bool IsLinear => lut is null;

    public string Description => lut is not null ? "Modality LUT Sequence" : $"rescale slope {slope}, intercept {intercept}";

    public static ModalityTransform Read(DicomDataset dataset, bool signedInput)
    {
        if (dataset.GetSequenceItems(DicomTags.ModalityLutSequence) is [var item, ..])
        {
            return new ModalityTransform(DicomLut.Read(item, signedInput), 1, 0);
        }

        var slope = dataset.GetDecimals(DicomTags.RescaleSlope) is [var s, ..] && s != 0 ? s : 1;
        var intercept = dataset.GetDecimals(DicomTags.RescaleIntercept) is [var i, ..] ? i : 0;
        return new ModalityTransform(null, slope, intercept);
    }

    public double Apply(int stored) => lut is not null ? lut.Lookup(stored) : (stored * slope) + intercept;
}
