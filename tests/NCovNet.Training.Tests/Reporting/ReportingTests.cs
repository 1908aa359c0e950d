using NCovNet.Core.Evaluation;
using NCovNet.Training.Reporting;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Training.Tests.Reporting;

public sealed class ReportingTests
{
    [Fact]
    public void The_epoch_log_appends_rows_reads_them_back_and_truncates_for_resume()
    {
        using var folder = new TempFolder();
        var log = new EpochLog(Path.Combine(folder.Path, "metrics.csv"));
        for (var epoch = 1; epoch <= 3; epoch++)
        {
            log.Append(Record(epoch));
        }

        log.TruncateFrom(3);
        var rows = log.Read();

        Assert.Equal([1, 2], rows.Select(r => r.Epoch));
        Assert.Equal(0.75, rows[0].Values["val_accuracy"], 12);
        Assert.Equal(1, rows[1].Values["val_tp"]);
        Assert.Equal(EpochLog.Header, File.ReadLines(log.Path).First());
    }

    [Fact]
    public void The_training_curves_png_holds_the_series_colours()
    {
        using var folder = new TempFolder();
        var log = new EpochLog(Path.Combine(folder.Path, "metrics.csv"));
        log.Append(Record(1));
        log.Append(Record(2));
        var png = Path.Combine(folder.Path, "metrics.png");

        TrainingCurves.Save(log, png);

        using var image = Image.Load<Rgb24>(png);
        Assert.Equal((900, 800), (image.Width, image.Height));
        var colours = new HashSet<Rgb24>();
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var p in rows.GetRowSpan(y))
                {
                    colours.Add(p);
                }
            }
        });
        Assert.Contains(LinePlot.Blue, colours);
        Assert.Contains(LinePlot.Orange, colours);
        Assert.Contains(LinePlot.Purple, colours);
    }

    [Fact]
    public void The_pixel_font_draws_glyphs_of_the_expected_width()
    {
        using var image = new Image<Rgb24>(40, 20, new Rgb24(255, 255, 255));

        PixelFont.Draw(image, "1E-2", 0, 0, new Rgb24(0, 0, 0), scale: 1);

        Assert.Equal(15, PixelFont.Measure("1E-2", 1));
        Assert.Equal(new Rgb24(0, 0, 0), image[1, 0]);
        Assert.Equal(new Rgb24(255, 255, 255), image[0, 0]);
    }

    [Fact]
    public void The_progress_bar_prints_loss_and_eta_when_redirected()
    {
        var output = new StringWriter();
        var bar = new ProgressBar("stage1 1", 20, output, interactive: false);

        for (var i = 1; i <= 20; i++)
        {
            bar.Report(i, 0.5);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 10, 11);
        Assert.Contains("20/20 loss 0.5000 ETA 00:00", lines[^1], StringComparison.Ordinal);
        Assert.Contains("[" + new string('#', 30) + "]", lines[^1], StringComparison.Ordinal);
    }

    private static EpochRecord Record(int epoch)
    {
        var metrics = BinaryMetrics.Compute([true, true, false, false], [0.9, 0.4, 0.2, 0.1]);
        return new EpochRecord("stage1", epoch, 0.01, 0.5 / epoch, metrics, 0.6 / epoch, metrics, 1.5);
    }
}
