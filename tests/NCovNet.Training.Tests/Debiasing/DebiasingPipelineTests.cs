using NCovNet.Training.Debiasing;

namespace NCovNet.Training.Tests.Debiasing;

public sealed class DebiasingPipelineTests
{
    [Fact]
    public void The_default_pipeline_runs_every_step_in_the_papers_order()
    {
        var pipeline = DebiasingPipeline.Build(new DebiasingOptions());

        Assert.Equal(
            [typeof(JpegReencode), typeof(RandomEnhance), typeof(RandomEnhance), typeof(RandomEnhance), typeof(RandomFlip), typeof(RandomFlip),
             typeof(RandomRotation), typeof(RandomZoom), typeof(RandomLighting), typeof(RandomPerspective)],
            pipeline.Transforms.Select(t => t.GetType()));
        Assert.Equal(["brightness", "contrast", "sharpness"], pipeline.Transforms.OfType<RandomEnhance>().Select(e => e.Name));
    }

    [Fact]
    public void Seeded_runs_are_identical_and_different_seeds_differ()
    {
        var pipeline = DebiasingPipeline.Build(new DebiasingOptions());

        var a = pipeline.Apply(TestImages.Radiograph96, new Random(11));
        var b = pipeline.Apply(TestImages.Radiograph96, new Random(11));
        var c = pipeline.Apply(TestImages.Radiograph96, new Random(12));

        Assert.Equal(a.Pixels, b.Pixels);
        Assert.NotEqual(a.Pixels, c.Pixels);
        Assert.Equal((96, 96), (a.Width, a.Height));
        Assert.All(a.Pixels, p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void Disabled_steps_are_left_out()
    {
        Assert.Empty(DebiasingPipeline.Build(DebiasingOptions.Off).Transforms);
        var geometryOnly = DebiasingPipeline.Build(new DebiasingOptions
        {
            JpegReencode = false,
            Brightness = new FactorRange(1, 1),
            Contrast = new FactorRange(1, 1),
            Sharpness = new FactorRange(1, 1),
            MaxLighting = 0,
        });

        Assert.DoesNotContain(geometryOnly.Transforms, t => t is JpegReencode or RandomEnhance or RandomLighting);
        Assert.Contains(geometryOnly.Transforms, t => t is RandomPerspective);
    }

    [Fact]
    public void Factor_ranges_parse_min_colon_max()
    {
        Assert.Equal(new FactorRange(0.5f, 1.5f), FactorRange.Parse("0.5:1.5"));
        Assert.Throws<FormatException>(() => FactorRange.Parse("2:1"));
    }
}
