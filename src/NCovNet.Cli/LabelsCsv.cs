using NCovNet.Core.Evaluation;

namespace NCovNet.Cli;

/// <summary>One row of a labels.csv (the ../shared/data/cxr format): image path, class label, split.</summary>
public sealed record LabelledImage(string FileName, string Label, string? Split);

/// <summary>
/// Reads labels.csv: a header row with at least `filename` and `label` (and optionally `split`),
/// RFC 4180 quoting. Other columns are ignored.
/// </summary>
public static class LabelsCsv
{
    public static IReadOnlyList<LabelledImage> Read(string path)
    {
        List<List<string>> rows;
        using (var reader = new StreamReader(path))
        {
            rows = CsvRecordParser.Parse(reader).Where(r => r.Length > 1 || r[0].Length > 0).Select(r => r.ToList()).ToList();
        }

        if (rows.Count == 0)
        {
            throw new FormatException($"{path} is empty.");
        }

        var header = rows[0];
        var file = Column(header, "filename", path);
        var label = Column(header, "label", path);
        var split = header.IndexOf("split");
        return rows.Skip(1)
            .Select((row, i) => row.Count == header.Count
                ? new LabelledImage(row[file], row[label], split >= 0 ? row[split] : null)
                : throw new FormatException($"{path} line {i + 2} has {row.Count} fields; the header has {header.Count}."))
            .ToList();
    }

    private static int Column(List<string> header, string name, string path)
    {
        var index = header.IndexOf(name);
        return index >= 0 ? index : throw new FormatException($"{path} has no '{name}' column.");
    }
}
