using NCovNet.Tests;

namespace NCovNet.Cli.Tests;

public sealed class LabelsCsvTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_the_shared_cxr_labels_with_their_quoted_fields()
    {
        var rows = LabelsCsv.Read(SharedData.CxrLabels);

        Assert.Equal(404, rows.Count);
        Assert.Equal(342, rows.Count(r => r.Label == "covid"));
        Assert.Equal(76, rows.Count(r => r.Split == "val"));
        Assert.All(rows, r => Assert.StartsWith("images/", r.FileName));
    }

    [Fact]
    public void Quotes_commas_and_crlf_are_handled_and_a_short_row_is_an_error()
    {
        var path = _temp.Combine("labels.csv");
        File.WriteAllText(path, "label,filename\r\n\r\ncovid,\"a, \"\"b\"\".png\"\r\n");

        var row = Assert.Single(LabelsCsv.Read(path));
        Assert.Equal(new LabelledImage("a, \"b\".png", "covid", null, Record: 3), row);

        File.WriteAllText(path, "filename,label\nx.png\n");
        Assert.Throws<FormatException>(() => LabelsCsv.Read(path));
    }
}
