using NCovNet.Training.Debiasing;

namespace NCovNet.Training.Tests.Debiasing;

public sealed class GeometricTransformTests
{
    private static readonly NCovNet.Core.Imaging.GrayImage Image = TestImages.Radiograph96;

    [Fact]
    public void A_horizontal_flip_mirrors_columns_and_a_vertical_flip_rows()
    {
        var h = RandomFlip.Flip(Image, horizontal: true);
        var v = RandomFlip.Flip(Image, horizontal: false);

        Assert.Equal(Image[10, 20], h[Image.Width - 11, 20]);
        Assert.Equal(Image[10, 20], v[10, Image.Height - 21]);
        Assert.Equal(Image.Pixels, RandomFlip.Flip(h, horizontal: true).Pixels);
        Assert.NotEqual(Image.Pixels, h.Pixels);
    }

    [Fact]
    public void A_flip_happens_with_its_probability()
    {
        Assert.Same(Image, new RandomFlip(true, 0).Apply(Image, new Random(1)));
        Assert.Equal(RandomFlip.Flip(Image, true).Pixels, new RandomFlip(true, 1).Apply(Image, new Random(1)).Pixels);
    }

    [Fact]
    public void Rotation_keeps_the_size_and_by_zero_changes_nothing()
    {
        var rotated = RandomRotation.Rotate(Image, 10);

        Assert.Equal((Image.Width, Image.Height), (rotated.Width, rotated.Height));
        Assert.True(TestImages.MeanAbsoluteDifference(Image, RandomRotation.Rotate(Image, 0)) < 1e-5);
        Assert.True(TestImages.MeanAbsoluteDifference(Image, rotated) > 0.01);
    }

    [Fact]
    public void Rotating_by_180_degrees_equals_flipping_both_ways()
    {
        var rotated = RandomRotation.Rotate(Image, 180);
        var flipped = RandomFlip.Flip(RandomFlip.Flip(Image, true), false);

        Assert.True(TestImages.MeanAbsoluteDifference(rotated, flipped) < 1e-4);
    }

    [Fact]
    public void Zoom_keeps_the_size_and_magnifies_about_the_centre()
    {
        var zoomed = RandomZoom.Zoom(Image, 2);

        Assert.Equal((Image.Width, Image.Height), (zoomed.Width, zoomed.Height));

        // At zoom 2 about the centre the view starts at 24: output centre (24.5, 48.5) samples source (36.25, 48.25),
        // i.e. pixel-index position (35.75, 47.75), bilinear between pixels 35..36 and 47..48.
        var top = (Image[35, 47] * 0.25f) + (Image[36, 47] * 0.75f);
        var bottom = (Image[35, 48] * 0.25f) + (Image[36, 48] * 0.75f);
        Assert.Equal((top * 0.25f) + (bottom * 0.75f), zoomed[24, 48], 4);
    }

    [Fact]
    public void Perspective_warp_keeps_the_size_and_moves_pixels_unless_flat()
    {
        var warped = RandomPerspective.Warp(Image, 0.2, -0.1);

        Assert.Equal((Image.Width, Image.Height), (warped.Width, warped.Height));
        Assert.True(TestImages.MeanAbsoluteDifference(Image, RandomPerspective.Warp(Image, 0, 0)) < 1e-5);
        Assert.True(TestImages.MeanAbsoluteDifference(Image, warped) > 0.005);
    }

    [Fact]
    public void A_homography_maps_the_given_corners_onto_each_other()
    {
        (double X, double Y)[] from = [(0, 0), (10, 0), (10, 10), (0, 10)];
        (double X, double Y)[] to = [(1, 2), (9, 1), (11, 12), (-1, 9)];

        var h = Homography.FromCorners(from, to);

        for (var i = 0; i < 4; i++)
        {
            var (x, y) = h.Map(from[i].X, from[i].Y);
            Assert.Equal(to[i].X, x, 9);
            Assert.Equal(to[i].Y, y, 9);
        }
    }

    [Fact]
    public void Lighting_at_one_half_is_the_identity_and_above_brightens()
    {
        Assert.True(TestImages.MeanAbsoluteDifference(Image, RandomLighting.Shift(Image, 0.5)) < 1e-3);
        Assert.True(RandomLighting.Shift(Image, 0.6).Pixels.Average() > Image.Pixels.Average());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void A_warp_magnitude_that_could_fold_the_view_onto_a_line_is_refused(double magnitude) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomPerspective(magnitude));
}
