using NCovNet.Core.Evaluation;

namespace NCovNet.Core.Tests.Evaluation;

public sealed class CsvRecordParserTests
{
    [Fact]
    public void Doubled_quotes_and_line_breaks_inside_quotes_stay_in_their_field()
    {
        var records = CsvRecordParser.Parse(new StringReader("a,\"b \"\"x\"\", y\",c\r\n1,\"two\nlines\",3")).ToList();

        Assert.Equal(["a", "b \"x\", y", "c"], records[0]);
        Assert.Equal(["1", "two\nlines", "3"], records[1]);
    }

    [Fact]
    public void Every_labels_file_of_the_shared_data_parses_to_rectangular_records()
    {
        foreach (var csv in new[] { NCovNet.Tests.SharedData.CxrLabels, NCovNet.Tests.SharedData.CxrNihLabels, NCovNet.Tests.SharedData.DicomManifest })
        {
            using var reader = new StreamReader(csv);
            var records = CsvRecordParser.Parse(reader).ToList();

            Assert.True(records.Count > 10, csv);
            Assert.All(records, r => Assert.Equal(records[0].Length, r.Length));
        }
    }
}
