namespace NCovNet.Core.Dicom;

/// <summary>
/// Maps stored gray values to display intensities in [0, 1]: modality transform, VOI
/// transform, then MONOCHROME1 inversion, all in double precision. Stored values span at most
/// 16 bits, so the whole chain is evaluated once per distinct value into a table.
/// </summary>
internal static class GrayscaleRenderer
{
    public static (float[] Pixels, IReadOnlyList<string> Notes) Render(StoredFrame frame, ImagePixelModule module, DicomDataset dataset)
    {
        var samples = frame.Samples;
        var (minStored, maxStored) = Range(samples);
        var modality = ModalityTransform.Read(dataset, module.IsSigned);
        var modalityValues = new double[maxStored - minStored + 1];
        for (var i = 0; i < modalityValues.Length; i++)
        {
            modalityValues[i] = modality.Apply(minStored + i);
        }

        var (minimum, maximum) = modality.IsLinear
            ? (Math.Min(modalityValues[0], modalityValues[^1]), Math.Max(modalityValues[0], modalityValues[^1]))
            : PresentRange(samples, minStored, modalityValues);
        var voi = VoiTransform.Read(dataset, module.IsSigned, minimum, maximum);
        var invert = module.Photometric == "MONOCHROME1";
        var display = new float[modalityValues.Length];
        for (var i = 0; i < display.Length; i++)
        {
            var intensity = voi.Apply(modalityValues[i]);
            display[i] = (float)(invert ? 1 - intensity : intensity);
        }

        var pixels = new float[samples.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = display[samples[i] - minStored];
        }

        var notes = new List<string> { $"modality: {modality.Description}", $"VOI: {voi.Description}" };
        if (invert)
        {
            notes.Add("MONOCHROME1 inverted so that 0 is black");
        }

        return (pixels, notes);
    }

    private static (int Min, int Max) Range(int[] samples)
    {
        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var sample in samples)
        {
            min = Math.Min(min, sample);
            max = Math.Max(max, sample);
        }

        return (min, max);
    }

    // A Modality LUT need not be monotonic, so the range of modality values is taken over the pixels present.
    private static (double Min, double Max) PresentRange(int[] samples, int minStored, double[] modalityValues)
    {
        var present = new bool[modalityValues.Length];
        foreach (var sample in samples)
        {
            present[sample - minStored] = true;
        }

        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var i = 0; i < present.Length; i++)
        {
            if (present[i])
            {
                min = Math.Min(min, modalityValues[i]);
                max = Math.Max(max, modalityValues[i]);
            }
        }

        return (min, max);
    }
}
