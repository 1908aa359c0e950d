using NCovNet.Core.Evaluation;

namespace NCovNet.Cli;

/// <summary>One row of a labels.csv (the ../shared/data/cxr format): image path, class label, split.</summary>
/// <param name="Record">Its CSV record number, the header being record 1 (the line number unless a quoted field spans lines).</param>
public sealed record LabelledImage(string FileName, string Label, string? Split, int Record);

/// <summary>
/// Reads labels.csv: a header row with at least `filename` and `label` (and optionally `split`),
/// RFC 4180 quoting. Other columns are ignored.
/// </summary>
public static class LabelsCsv
{
    public static IReadOnlyList<LabelledImage> Read(string path)
    {
        List<(List<string> Fields, int Record)> rows;
        using (var reader = new StreamReader(path))
        {
            rows = CsvRecordParser.Parse(reader)
                .Select((fields, i) => (Fields: fields.ToList(), Record: i + 1))
                .Where(r => r.Fields.Count > 1 || r.Fields[0].Length > 0)
                .ToList();
        }

        if (rows.Count == 0)
        {
            throw new FormatException($"{path} is empty.");
        }

        var header = rows[0].Fields;
        var file = Column(header, "filename", path);
        var label = Column(header, "label", path);
        var split = header.IndexOf("split");
        return rows.Skip(1)
            .Select(row => row.Fields.Count == header.Count
                ? new LabelledImage(row.Fields[file], row.Fields[label], split >= 0 ? row.Fields[split] : null, row.Record)
                : throw new FormatException($"{path} record {row.Record} has {row.Fields.Count} fields; the header has {header.Count}."))
            .ToList();
    }

    /// <summary>
    /// Why some rows cannot be evaluated against <paramref name="classes"/>: each unknown label with
    /// the records that carry it; null when every label is one of the classes.
    /// </summary>
    public static string? UnknownLabels(IReadOnlyList<LabelledImage> rows, IReadOnlyList<string> classes)
    {
        const int recordsShown = 5;
        var unknown = rows.Where(r => !classes.Contains(r.Label)).GroupBy(r => r.Label).ToList();
        if (unknown.Count == 0)
        {
            return null;
        }

        var labels = unknown.Select(g =>
        {
            var records = string.Join(", ", g.Take(recordsShown).Select(r => r.Record));
            return $"'{g.Key}' (record{(g.Count() > 1 ? "s" : "")} {records}{(g.Count() > recordsShown ? $" and {g.Count() - recordsShown} more" : "")})";
        });
        return $"{unknown.Sum(g => g.Count())} row(s) have labels that are not among the model's classes ({string.Join(", ", classes)}): {string.Join("; ", labels)}.";
    }

    private static int Column(List<string> header, string name, string path)
    {
        var index = header.IndexOf(name);
        return index >= 0 ? index : throw new FormatException($"{path} has no '{name}' column.");
    }
}
