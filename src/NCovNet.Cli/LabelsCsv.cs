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
        var rows = Parse(File.ReadAllText(path)).Where(r => r.Count > 1 || r[0].Length > 0).ToList();
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

    private static IEnumerable<List<string>> Parse(string text)
    {
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\n':
                    row.Add(field.ToString().TrimEnd('\r'));
                    field.Clear();
                    yield return row;
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString().TrimEnd('\r'));
            yield return row;
        }
    }
}
