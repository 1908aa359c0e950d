using NCovNet.Training.Data;
using NCovNet.Training.Loading;
using NCovNet.Tests;

namespace NCovNet.Training.Tests.Data;

public sealed class DownscaledCopyWriterTests
{
    [Fact]
    public void The_copy_reads_back_with_the_same_labels_splits_and_groups_and_a_long_side_within_the_limit()
    {
        // Two images per (label, split) of cxr, of all sizes, plus one NIH PNG already at 512.
        var originals = LabelsCsvReader.Read(SharedData.CxrLabels, "cxr").GroupBy(i => (i.Label, i.Split)).SelectMany(g => g.Take(2))
            .Concat(LabelsCsvReader.Read(SharedData.CxrNihLabels, "cxr-nih").Take(1)).ToList();
        using var folder = new TempFolder();

        var bytes = new DownscaledCopyWriter(300, CompactImageFormat.Png, 95).Write(originals, folder.Path, workers: 2, CancellationToken.None);

        var copies = LabelsCsvReader.Read(Path.Combine(folder.Path, DownscaledCopyWriter.LabelsFileName), "copy");
        Assert.Equal(originals.Select(i => (i.Label, i.Split, i.PatientGroup)), copies.Select(i => (i.Label, i.Split, i.PatientGroup)));
        Assert.True(bytes < originals.Sum(i => new FileInfo(i.Path).Length));
        foreach (var (original, copy) in originals.Zip(copies))
        {
            var (before, after) = (RadiographReader.Read(original), RadiographReader.Read(copy));
            Assert.Equal(300, Math.Max(after.Width, after.Height));
            Assert.Equal((double)before.Width / before.Height, (double)after.Width / after.Height, 0.02);
        }
    }

    [Fact]
    public void Small_images_keep_their_size_and_a_quality_95_jpeg_stays_within_one_gray_level_of_the_png()
    {
        var nih = LabelsCsvReader.Read(SharedData.CxrNihLabels, "cxr-nih").Take(2).ToList();
        using var png = new TempFolder();
        using var jpeg = new TempFolder();

        new DownscaledCopyWriter(520, CompactImageFormat.Png, 95).Write(nih, png.Path, workers: 2, CancellationToken.None);
        new DownscaledCopyWriter(520, CompactImageFormat.Jpeg, 95).Write(nih, jpeg.Path, workers: 2, CancellationToken.None);

        var lossless = LabelsCsvReader.Read(Path.Combine(png.Path, DownscaledCopyWriter.LabelsFileName), "png").Select(RadiographReader.Read).ToList();
        var lossy = LabelsCsvReader.Read(Path.Combine(jpeg.Path, DownscaledCopyWriter.LabelsFileName), "jpeg").Select(RadiographReader.Read).ToList();
        for (var i = 0; i < nih.Count; i++)
        {
            var original = RadiographReader.Read(nih[i]);
            Assert.Equal((512, 512), (lossless[i].Width, lossless[i].Height));
            Assert.Equal(0, TestImages.MeanAbsoluteDifference(original, lossless[i]), 1e-6);
            Assert.InRange(TestImages.MeanAbsoluteDifference(lossless[i], lossy[i]), 1e-4, 1 / 255.0);
        }
    }

    [Fact]
    public void An_out_of_range_size_or_quality_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DownscaledCopyWriter(4, CompactImageFormat.Png, 95));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DownscaledCopyWriter(520, CompactImageFormat.Jpeg, 101));
    }
}
