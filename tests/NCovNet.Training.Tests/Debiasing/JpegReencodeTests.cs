using NCovNet.Training.Debiasing;

namespace NCovNet.Training.Tests.Debiasing;

public sealed class JpegReencodeTests
{
    [Fact]
    public void Lower_quality_gives_fewer_bytes_and_a_larger_error_on_a_real_radiograph()
    {
        var image = TestImages.Radiograph96;

        var q30 = JpegReencode.Encode(image, 30);
        var q70 = JpegReencode.Encode(image, 70);
        var low = new JpegReencode(30, 30).Apply(image, new Random(1));
        var high = new JpegReencode(70, 70).Apply(image, new Random(1));

        Assert.True(q30.Length < q70.Length, $"q30 {q30.Length} bytes, q70 {q70.Length} bytes");
        Assert.True(TestImages.MeanAbsoluteDifference(image, low) > TestImages.MeanAbsoluteDifference(image, high));
        Assert.True(TestImages.MeanAbsoluteDifference(image, high) > 0);
    }

    [Fact]
    public void The_drawn_quality_varies_between_draws_and_repeats_with_the_seed()
    {
        var transform = new JpegReencode(30, 70);

        var outputs = Enumerable.Range(0, 6).Select(seed => TestImages.Apply(transform, seed)).ToList();

        Assert.True(outputs.Select(o => TestImages.MeanAbsoluteDifference(TestImages.Radiograph96, o)).Distinct().Count() > 1);
        Assert.Equal(outputs[3].Pixels, TestImages.Apply(transform, 3).Pixels);
        Assert.Equal(TestImages.Radiograph96.Width, outputs[0].Width);
    }

    [Fact]
    public void A_quality_outside_1_to_100_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JpegReencode(0, 70));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JpegReencode(70, 30));
    }
}
