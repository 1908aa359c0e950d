using NCovNet.Core.Evaluation;

namespace NCovNet.Training.Data;

/// <summary>
/// Reads a labels CSV in the ../shared/data/cxr format: columns filename (relative to the
/// CSV's folder), label, split and optionally patient_group; other columns are ignored.
/// Without patient_group (or where it is blank) every image is its own patient group.
/// </summary>
public static class LabelsCsvReader
{
    private const string PatientGroupColumn = "patient_group";

    private static readonly string[] RequiredColumns = ["filename", "label", "split"];

    /// <param name="warnings">Where to say that patient leaks cannot be checked (no patient_group column); default stderr.</param>
    public static IReadOnlyList<LabeledImage> Read(string csvPath, string sourceName, TextWriter? warnings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        if (!File.Exists(csvPath))
        {
            throw new DatasetException($"Labels file '{csvPath}' does not exist.");
        }

        using var reader = new StreamReader(csvPath);
        using var records = CsvRecordParser.Parse(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new DatasetException($"Labels file '{csvPath}' is empty.");
        }

        var header = records.Current.Select(h => h.Trim()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DatasetException($"Labels file '{csvPath}' lacks the column(s) {string.Join(", ", missing)}.");
        }

        int file = header.IndexOf("filename"), label = header.IndexOf("label"), split = header.IndexOf("split"), group = header.IndexOf(PatientGroupColumn);
        if (group < 0)
        {
            (warnings ?? Console.Error).WriteLine(
                $"warning: '{csvPath}' has no {PatientGroupColumn} column, so every image is its own patient group: images of one patient in two splits (a leak into the validation score) cannot be detected.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        var images = new List<LabeledImage>();
        var line = 1;
        while (records.MoveNext())
        {
            line++;
            var row = records.Current;
            if (row.Length == 1 && string.IsNullOrWhiteSpace(row[0]))
            {
                continue;
            }

            if (row.Length != header.Count)
            {
                throw new DatasetException($"{csvPath} record {line} has {row.Length} fields; the header has {header.Count}.");
            }

            var path = Path.GetFullPath(Path.Combine(folder, row[file]));
            if (!File.Exists(path))
            {
                throw new DatasetException($"{csvPath} record {line} names '{row[file]}', which does not exist.");
            }

            var patient = group < 0 || string.IsNullOrWhiteSpace(row[group]) ? row[file] : row[group];
            images.Add(new LabeledImage(path, row[label].Trim(), row[split].Trim(), patient.Trim(), sourceName));
        }

        return images;
    }
}
