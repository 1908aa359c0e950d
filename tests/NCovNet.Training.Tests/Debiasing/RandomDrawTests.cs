using NCovNet.Core.Imaging;
using NCovNet.Training.Debiasing;

namespace NCovNet.Training.Tests.Debiasing;

/// <summary>
/// Over several seeds each random transform changes the real radiograph differently, and the
/// parameter it drew, read back from its output, lies within the configured range. Geometric
/// draws are read from calibration ramps (pixel value = its x or y index, so bilinear sampling
/// returns the source coordinate exactly); the same seed draws the same parameters whatever the image.
/// </summary>
public sealed class RandomDrawTests
{
    private const int Size = 48;

    private static readonly int[] Seeds = Enumerable.Range(0, 12).ToArray();

    private static readonly DebiasingOptions Defaults = new();

    private static readonly GrayImage RampX = Ramp((x, _) => x);

    private static readonly GrayImage RampY = Ramp((_, y) => y);

    [Fact]
    public void Jpeg_quality_is_drawn_within_30_to_70_by_default()
    {
        var transform = new JpegReencode(Defaults.JpegQualityMin, Defaults.JpegQualityMax);
        var byQuality = Enumerable.Range(1, 100).ToDictionary(q => q, q => new JpegReencode(q, q).Apply(TestImages.Radiograph96, new Random(0)).Pixels);

        var qualities = Seeds.Select(seed =>
        {
            var output = TestImages.Apply(transform, seed).Pixels;
            return Assert.Single(byQuality, candidate => candidate.Value.AsSpan().SequenceEqual(output)).Key;
        }).ToList();

        AssertDrawsCover(qualities.Select(q => (double)q).ToList(), Defaults.JpegQualityMin, Defaults.JpegQualityMax);
        AssertOutputsDiffer(transform);
    }

    /// <summary>RandomEnhance takes its enhancement as a function, so a recording one sees each drawn factor.</summary>
    [Fact]
    public void Enhancement_factors_are_drawn_within_their_ranges()
    {
        foreach (var range in new[] { Defaults.Brightness, Defaults.Contrast, Defaults.Sharpness })
        {
            var drawn = new List<double>();
            var recording = new RandomEnhance("recording", range, (image, factor) =>
            {
                drawn.Add(factor);
                return PilEnhance.Brightness(image, factor);
            });

            AssertOutputsDiffer(recording);
            AssertDrawsCover(drawn, range.Min, range.Max);
        }
    }

    [Fact]
    public void The_brightness_factor_read_from_the_output_lies_within_its_range()
    {
        var transform = RandomEnhance.Brightness(Defaults.Brightness);
        var image = TestImages.Radiograph96;
        var unclipped = Enumerable.Range(0, image.Pixels.Length).Where(i => image.Pixels[i] is > 0.1f and < 0.7f).ToArray();

        var factors = Seeds.Select(seed =>
        {
            var output = transform.Apply(image, new Random(seed)).Pixels;
            var ratios = unclipped.Select(i => (double)output[i] / image.Pixels[i]).ToList();
            Assert.True(ratios.Max() - ratios.Min() < 1e-4, "brightness scales every pixel by one factor");
            return ratios.Average();
        }).ToList();

        AssertDrawsCover(factors, Defaults.Brightness.Min, Defaults.Brightness.Max);
    }

    [Fact]
    public void Rotation_angles_are_drawn_within_plus_minus_10_degrees()
    {
        var transform = new RandomRotation(Defaults.MaxRotationDegrees);

        var angles = Seeds.Select(seed =>
        {
            var (sx, sy) = Sources(transform, seed);
            const int c = Size / 2;
            return Math.Atan2(sy[c, c + 1] - sy[c, c], sx[c, c + 1] - sx[c, c]) * 180 / Math.PI;
        }).ToList();

        AssertDrawsCover(angles, -Defaults.MaxRotationDegrees, Defaults.MaxRotationDegrees);
        AssertOutputsDiffer(transform);
    }

    [Fact]
    public void Zoom_factors_are_drawn_within_1_to_1_1_with_the_view_inside_the_image()
    {
        var transform = new RandomZoom(Defaults.MaxZoom);
        const int margin = 2;

        var zooms = Seeds.Select(seed =>
        {
            var (sx, sy) = Sources(transform, seed);
            var zoomX = (Size - 1 - (2 * margin)) / (sx[Size / 2, Size - 1 - margin] - sx[Size / 2, margin]);
            var zoomY = (Size - 1 - (2 * margin)) / (sy[Size - 1 - margin, Size / 2] - sy[margin, Size / 2]);
            Assert.Equal(zoomX, zoomY, tolerance: 1e-4);

            // Away from the border (where a view reaching outside would fold back) the view is one straight ramp inside the image.
            for (var i = margin; i < Size - margin; i++)
            {
                Assert.Equal(sx[Size / 2, margin] + ((i - margin) / zoomX), sx[Size / 2, i], tolerance: 1e-3);
            }

            // An output pixel centre i + 0.5 samples left + (i + 0.5) / zoom, i.e. pixel index that - 0.5.
            var left = sx[Size / 2, margin] + 0.5 - ((margin + 0.5) / zoomX);
            var top = sy[margin, Size / 2] + 0.5 - ((margin + 0.5) / zoomY);
            Assert.InRange(left, -1e-3, Size - (Size / zoomX) + 1e-3);
            Assert.InRange(top, -1e-3, Size - (Size / zoomY) + 1e-3);
            return zoomX;
        }).ToList();

        AssertDrawsCover(zooms, 1, Defaults.MaxZoom);
        AssertOutputsDiffer(transform);
    }

    [Fact]
    public void Lighting_changes_are_drawn_within_one_half_plus_minus_max_over_2()
    {
        var transform = new RandomLighting(Defaults.MaxLighting);
        var image = TestImages.Radiograph96;
        var midGray = Enumerable.Range(0, image.Pixels.Length).Where(i => image.Pixels[i] is > 0.2f and < 0.8f).ToArray();

        var changes = Seeds.Select(seed =>
        {
            var output = transform.Apply(image, new Random(seed)).Pixels;
            var shift = midGray.Select(i => Logit(output[i]) - Logit(image.Pixels[i])).Average();
            return 1 / (1 + Math.Exp(-shift));
        }).ToList();

        AssertDrawsCover(changes, 0.5 - (Defaults.MaxLighting / 2), 0.5 + (Defaults.MaxLighting / 2));
        AssertOutputsDiffer(transform);
    }

    [Fact]
    public void Perspective_tilts_are_drawn_within_the_warp_magnitude()
    {
        var transform = new RandomPerspective(Defaults.MaxWarp);

        var tilts = Seeds.Select(seed =>
        {
            var (outX, outY) = (transform.Apply(RampX, new Random(seed)), transform.Apply(RampY, new Random(seed)));
            double Misfit((double X, double Y) tilt) =>
                TestImages.MeanAbsoluteDifference(outX, RandomPerspective.Warp(RampX, tilt.X, tilt.Y))
                + TestImages.MeanAbsoluteDifference(outY, RandomPerspective.Warp(RampY, tilt.X, tilt.Y));

            // Twice the configured magnitude: wide enough to catch a draw outside it, short of tilts whose corners fall on a line.
            var coarse = Grid((0, 0), 2 * Defaults.MaxWarp, 0.05).MinBy(Misfit);
            var fine = Grid(coarse, 0.025, 0.0025).MinBy(Misfit);
            Assert.True(Misfit(fine) < 1e-3, $"seed {seed}: no tilt reproduces the output");
            return fine;
        }).ToList();

        const double gridStep = 0.0025;
        AssertDrawsCover(tilts.Select(t => t.X).ToList(), -Defaults.MaxWarp - gridStep, Defaults.MaxWarp + gridStep);
        AssertDrawsCover(tilts.Select(t => t.Y).ToList(), -Defaults.MaxWarp - gridStep, Defaults.MaxWarp + gridStep);
        AssertOutputsDiffer(transform);
    }

    /// <summary>Every draw within [min, max], and the draws spread over it: some in its lower and some in its upper third.</summary>
    private static void AssertDrawsCover(IReadOnlyList<double> draws, double min, double max)
    {
        var tolerance = 1e-4 * (max - min);
        Assert.All(draws, d => Assert.InRange(d, min - tolerance, max + tolerance));
        var third = (max - min) / 3;
        Assert.Contains(draws, d => d < min + third);
        Assert.Contains(draws, d => d > max - third);
    }

    /// <summary>Every seed changes the image, and most seeds differently (JPEG's 41 qualities may repeat over 12 seeds).</summary>
    private static void AssertOutputsDiffer(IRadiographTransform transform)
    {
        var outputs = Seeds.Select(seed => TestImages.Apply(transform, seed).Pixels).ToList();
        Assert.All(outputs, o => Assert.NotEqual(TestImages.Radiograph96.Pixels, o));
        Assert.InRange(outputs.Distinct(new PixelsComparer()).Count(), (Seeds.Length * 3) / 4, Seeds.Length);
    }

    /// <summary>Source coordinates (pixel-index units, [row, column]) each output pixel sampled, read from the two ramps.</summary>
    private static (double[,] X, double[,] Y) Sources(IRadiographTransform transform, int seed)
    {
        var (outX, outY) = (transform.Apply(RampX, new Random(seed)), transform.Apply(RampY, new Random(seed)));
        var (x, y) = (new double[Size, Size], new double[Size, Size]);
        for (var row = 0; row < Size; row++)
        {
            for (var column = 0; column < Size; column++)
            {
                x[row, column] = outX[column, row] * (Size - 1);
                y[row, column] = outY[column, row] * (Size - 1);
            }
        }

        return (x, y);
    }

    private static IEnumerable<(double X, double Y)> Grid((double X, double Y) centre, double halfWidth, double step)
    {
        var steps = (int)Math.Round(halfWidth / step);
        for (var i = -steps; i <= steps; i++)
        {
            for (var j = -steps; j <= steps; j++)
            {
                yield return (centre.X + (i * step), centre.Y + (j * step));
            }
        }
    }

    private static GrayImage Ramp(Func<int, int, int> value)
    {
        var pixels = new float[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                pixels[(y * Size) + x] = value(x, y) / (float)(Size - 1);
            }
        }

        return new GrayImage(Size, Size, pixels);
    }

    private static double Logit(float p) => Math.Log(p / (1.0 - p));

    private sealed class PixelsComparer : IEqualityComparer<float[]>
    {
        public bool Equals(float[]? a, float[]? b) => a.AsSpan().SequenceEqual(b);

        public int GetHashCode(float[] pixels) => pixels.Length == 0 ? 0 : HashCode.Combine(pixels[0], pixels[pixels.Length / 2], pixels[^1]);
    }
}
