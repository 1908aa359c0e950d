namespace NCovNet.Core.Dicom;

/// <summary>
/// A lookup table from a Modality or VOI LUT Sequence item (PS3.3 C.11.1): LUT Descriptor
/// (entry count, first mapped input value, bits per entry) and LUT Data. Inputs below the
/// first mapped value use the first entry, inputs past the table the last.
/// </summary>
internal sealed class DicomLut
{
    private readonly int[] entries;
    private readonly int firstMapped;

    private DicomLut(int[] entries, int firstMapped, int bitsPerEntry)
    {
        this.entries = entries;
        this.firstMapped = firstMapped;
        MaxOutput = (1 << bitsPerEntry) - 1;
    }

    /// <summary>The largest value an entry can hold, 2^bits - 1.</summary>
    public double MaxOutput { get; }

    public static DicomLut Read(DicomDataset item, bool signedInput)
    {
        var descriptor = item.GetUInt16s(DicomTags.LutDescriptor);
        if (descriptor.Count != 3)
        {
            throw DicomErrors.Malformed($"a LUT Descriptor has {descriptor.Count} values, 3 expected");
        }

        var count = descriptor[0] == 0 ? 65536 : descriptor[0];
        var firstMapped = signedInput ? (short)descriptor[1] : descriptor[1];
        var bits = descriptor[2];
        if (bits is < 1 or > 16)
        {
            throw DicomErrors.Malformed($"a LUT Descriptor declares {bits} bits per entry");
        }

        return new DicomLut(ReadEntries(item, count, bits), firstMapped, bits);
    }

    public int Lookup(double input)
    {
        var index = (long)Math.Floor(input) - firstMapped;
        return entries[(int)Math.Clamp(index, 0, entries.Length - 1)];
    }

    private static int[] ReadEntries(DicomDataset item, int count, int bits)
    {
        if (item.Find(DicomTags.LutData) is not DicomValue data)
        {
            throw DicomErrors.Malformed("a LUT item has no LUT Data");
        }

        var words = item.GetUInt16s(DicomTags.LutData);
        if (words.Count == count)
        {
            return [.. words];
        }

        // Some writers pack 8-bit entries into bytes instead of one entry per 16-bit word.
        var bytes = data.Bytes.Span;
        if (bits <= 8 && bytes.Length >= count && bytes.Length <= count + 1)
        {
            var entries = new int[count];
            for (var i = 0; i < count; i++)
            {
                entries[i] = bytes[i];
            }

            return entries;
        }

        throw DicomErrors.Malformed($"LUT Data holds {bytes.Length} bytes for {count} entries");
    }
}
