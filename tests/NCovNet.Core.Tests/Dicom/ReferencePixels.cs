using NCovNet.Core.Tests.TestData;
using System.Globalization;
using NCovNet.Tests;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>
/// One row of ../shared/data/dicom/reference_pixels.csv: the stored values of the first frame
/// as decoded by pydicom or dcmtk (SHA-256, range, mean, four sample pixels).
/// </summary>
public sealed record ReferencePixels(string File, bool Decoded, string Status, string Sha256, double Mean, IReadOnlyList<ReferenceSample> Samples)
{
    private static readonly Lazy<IReadOnlyDictionary<string, ReferencePixels>> Rows = new(Load);

    public static ReferencePixels For(string file) => Rows.Value[file];

    private static IReadOnlyDictionary<string, ReferencePixels> Load() =>
        CsvFile.Read(SharedData.DicomReferencePixels)
            .Select(row => new ReferencePixels(
                row["file"],
                row["status"] == "decoded",
                row["status"],
                row["sha256_le"],
                row["mean"].Length > 0 ? double.Parse(row["mean"], CultureInfo.InvariantCulture) : double.NaN,
                ParseSamples(row["samples"])))
            .ToDictionary(reference => reference.File);

    // "y,x=value;..." where value is a number or "[a, b, c]" for colour pixels.
    private static ReferenceSample[] ParseSamples(string text) =>
        text.Length == 0
            ? []
            : text.Split(';')
                .Select(sample => sample.Split('='))
                .Select(parts =>
                {
                    var position = parts[0].Split(',');
                    var values = parts[1].Trim('[', ']').Split(',').Select(value => int.Parse(value.Trim(), CultureInfo.InvariantCulture)).ToArray();
                    return new ReferenceSample(int.Parse(position[0], CultureInfo.InvariantCulture), int.Parse(position[1], CultureInfo.InvariantCulture), values);
                })
                .ToArray();
}

/// <summary>A reference pixel: row, column and its sample values (one for gray, three for colour).</summary>
public sealed record ReferenceSample(int Y, int X, IReadOnlyList<int> Values);
