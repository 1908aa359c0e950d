using NCovNet.Core.Evaluation;

namespace NCovNet.Core.Tests.TestData;

/// <summary>Reads the CSV files of ../shared into rows keyed by column name.</summary>
public static class CsvFile
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path);
        var records = CsvRecordParser.Parse(reader).Where(r => r.Length > 1 || r[0].Length > 0).ToList();
        var header = records[0];
        return records.Skip(1)
            .Select(fields => (IReadOnlyDictionary<string, string>)header
                .Select((name, i) => (name, value: i < fields.Length ? fields[i] : string.Empty))
                .ToDictionary(pair => pair.name, pair => pair.value))
            .ToList();
    }
}
