using NCovNet.Training.Data;
using NCovNet.Tests;

namespace NCovNet.Training.Tests.Data;

public sealed class LabelsCsvReaderTests
{
    [Fact]
    public void Reads_every_row_of_the_cxr_labels_with_absolute_existing_paths()
    {
        var images = LabelsCsvReader.Read(SharedData.CxrLabels, "cxr");

        Assert.Equal(404, images.Count);
        Assert.Equal(342, images.Count(i => i.Label == "covid"));
        Assert.Equal(328, images.Count(i => i.Split == "train"));
        Assert.All(images, i => Assert.True(Path.IsPathFullyQualified(i.Path) && File.Exists(i.Path)));
        Assert.All(images, i => Assert.Equal("cxr", i.Source));
    }

    [Fact]
    public void Quoted_fields_with_commas_do_not_shift_the_columns()
    {
        // cxr-nih's licence column is quoted and holds commas.
        var images = LabelsCsvReader.Read(SharedData.CxrNihLabels, "cxr-nih");

        Assert.Equal(280, images.Count);
        Assert.All(images, i => Assert.Equal("other_pneumonia", i.Label));
        Assert.Equal(238, images.Count(i => i.Split == "train"));
        Assert.All(images, i => Assert.StartsWith("nih:", i.PatientGroup, StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_parser_handles_doubled_quotes_and_line_breaks_inside_quotes()
    {
        var records = CsvRecordParser.Parse(new StringReader("a,\"b \"\"x\"\", y\",c\r\n1,\"two\nlines\",3")).ToList();

        Assert.Equal(["a", "b \"x\", y", "c"], records[0]);
        Assert.Equal(["1", "two\nlines", "3"], records[1]);
    }

    [Fact]
    public void Missing_columns_and_missing_files_are_typed_errors()
    {
        using var folder = new TempFolder();
        var noSplit = folder.Write("no-split.csv", "filename,label,patient_group\nx.png,covid,1\n");
        var missingFile = folder.Write("missing.csv", "filename,label,split,patient_group\nnot-there.png,covid,train,1\n");

        Assert.Contains("split", Assert.Throws<DatasetException>(() => LabelsCsvReader.Read(noSplit, "t")).Message, StringComparison.Ordinal);
        Assert.Contains("not-there.png", Assert.Throws<DatasetException>(() => LabelsCsvReader.Read(missingFile, "t")).Message, StringComparison.Ordinal);
    }
}
